import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

/**
 * The drizzle transaction behind `req` (see @payloadcms/drizzle getTransaction). Raw SQL that must
 * act inside the request's transaction (row and advisory locks) runs on it, or it would guard nothing.
 */
export async function transactionDb(req: PayloadRequest): Promise<PostgresAdapter['drizzle']> {
  const transactionID = await req.transactionID
  const adapter = req.payload.db as unknown as PostgresAdapter
  const db = transactionID === undefined ? undefined : adapter.sessions[String(transactionID)]?.db
  if (!db) throw new Error('This needs a database transaction: call it inside withTransaction.')
  return db as unknown as PostgresAdapter['drizzle']
}
