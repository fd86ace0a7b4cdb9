import { sql } from '@payloadcms/db-postgres'
import type { Endpoint } from 'payload'

import { isStaff } from '../../access/actor-memberships'
import { parseRecordId } from './record-id'
import { requestDb } from '../transaction-db'

type StaffFile = {
  /** The endpoint's path under the collection, with `:id` for the owning document. */
  path: `/:id/${string}`
  /** The table holding one file per document: `mime_type` and `data` columns. */
  table: string
  /** Its column naming the owning document. */
  ownerColumn: string
  /** `inline` for something staff look at, `attachment` for something they keep. */
  disposition: 'inline' | 'attachment'
  fileName: (id: number, mimeType: string) => string
}

const notFound = () => Response.json({ errors: [{ message: 'The requested resource was not found.' }] }, { status: 404 })

/**
 * A file a customer attached (a feedback screenshot, a remittance advice), for staff only: it may
 * show anything. Served as the type its bytes were checked to be on upload, never sniffed; anyone
 * else, and an unknown id, gets the same 404.
 */
export function staffFileEndpoint({ path, table, ownerColumn, disposition, fileName }: StaffFile): Endpoint {
  return {
    path,
    method: 'get',
    handler: async (req) => {
      if (!isStaff(req)) return notFound()
      const id = parseRecordId(req.routeParams?.id)
      if (id === null) return notFound()
      const db = await requestDb(req.payload, req)
      const { rows } = await db.execute(sql`SELECT mime_type, data FROM ${sql.identifier(table)} WHERE ${sql.identifier(ownerColumn)} = ${id}`)
      const row = rows[0] as { mime_type: string; data: Buffer } | undefined
      if (!row) return notFound()
      return new Response(new Uint8Array(row.data), {
        headers: { 'Content-Type': row.mime_type, 'Content-Disposition': `${disposition}; filename="${fileName(id, row.mime_type)}"`, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' },
      })
    },
  }
}
