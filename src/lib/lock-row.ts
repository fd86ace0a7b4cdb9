import { type PostgresAdapter, sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

/**
 * `SELECT … FOR UPDATE` on one row, inside the transaction `req` carries: whoever else locks the
 * same row waits until this transaction ends. Used to serialize read-from-Stripe-then-write so a
 * slower reader can never overwrite what a later one wrote.
 */
export async function lockRow(req: PayloadRequest, table: 'organizations' | 'stripe_events', id: number): Promise<boolean> {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const transactionID = await req.transactionID
  const db = transactionID === undefined ? undefined : adapter.sessions[String(transactionID)]?.db
  if (!db) throw new Error(`lockRow(${table}) needs a transaction: call it inside withTransaction`)
  const result = await db.execute(sql`SELECT id FROM ${sql.identifier(table)} WHERE id = ${id} FOR UPDATE`)
  return result.rows.length === 1
}
