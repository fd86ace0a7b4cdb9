import { sql } from '@payloadcms/db-postgres'
import type { Endpoint } from 'payload'

import { isStaff } from '../../../access/actor-memberships'
import { parseRecordId } from '../../../lib/api/record-id'
import { requestDb } from '../../../lib/transaction-db'

const notFound = () => Response.json({ errors: [{ message: 'The requested resource was not found.' }] }, { status: 404 })
const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }

/**
 * GET /api/offline-payments/:id/remittance — the remittance advice a customer attached, for staff
 * only. Served as the type its bytes were checked to be, never sniffed, and as a download.
 */
export const remittanceEndpoint: Endpoint = {
  path: '/:id/remittance',
  method: 'get',
  handler: async (req) => {
    if (!isStaff(req)) return notFound()
    const id = parseRecordId(req.routeParams?.id)
    if (id === null) return notFound()
    const db = await requestDb(req.payload, req)
    const { rows } = await db.execute(sql`SELECT mime_type, data FROM offline_payment_remittances WHERE offline_payment_id = ${id}`)
    const row = rows[0] as { mime_type: string; data: Buffer } | undefined
    if (!row) return notFound()
    return new Response(new Uint8Array(row.data), {
      headers: { 'Content-Type': row.mime_type, 'Content-Disposition': `attachment; filename="remittance-${id}.${EXTENSION[row.mime_type] ?? 'bin'}"`, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' },
    })
  },
}
