import { payloadInstance } from '@/lib/payload'
import { checkReadiness } from '@/lib/readiness'

/**
 * Readiness for a load balancer: 200 when the database answers and no migration is pending,
 * else 503 saying which. No session, no data beyond migration names. Liveness is /api/health.
 */
export async function GET() {
  const readiness = await payloadInstance().then(checkReadiness, () => ({ ready: false, database: 'unreachable' as const, pendingMigrations: [] }))
  return Response.json({ success: readiness.ready, data: readiness }, { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
