import { payloadInstance } from '@/lib/payload'

/**
 * Liveness plus the bench floor: one indexed primary-key query, no session, JSON out.
 * `npm start` waits on it; `npm run bench` compares account pages against it.
 */
export async function GET() {
  const payload = await payloadInstance()
  const { rows } = await payload.db.pool.query('SELECT id FROM organizations WHERE id = $1', [1])
  return Response.json({ success: true, data: { ok: true, organizations: rows.length } })
}
