import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { transactionDb } from './transaction-db'

/**
 * `SELECT … FOR UPDATE` on one row, inside the transaction `req` carries: whoever else locks the
 * same row waits until this transaction ends. Used to serialize read-from-Stripe-then-write so a
 * slower reader can never overwrite what a later one wrote.
 */
export async function lockRow(req: PayloadRequest, table: 'organizations' | 'stripe_events', id: number): Promise<boolean> {
  const result = await (await transactionDb(req)).execute(sql`SELECT id FROM ${sql.identifier(table)} WHERE id = ${id} FOR UPDATE`)
  return result.rows.length === 1
}
