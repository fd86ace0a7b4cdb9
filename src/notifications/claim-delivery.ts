import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { transactionDb } from '../lib/transaction-db'

/**
 * Claims an unsent delivery for the transaction `req` carries: a row lock, taken with SKIP LOCKED
 * so a second worker gives up at once instead of waiting. The claim lasts exactly as long as the
 * transaction that sends and records the send; if the process dies, PostgreSQL ends the
 * transaction and the delivery is unsent and claimable again — no lease to wait out, and a
 * delivery recorded as sent can never be claimed again.
 */
export async function claimDelivery(req: PayloadRequest, deliveryId: number): Promise<boolean> {
  const result = await (await transactionDb(req)).execute(
    sql`SELECT id FROM notification_deliveries WHERE id = ${deliveryId} AND status IN ('pending', 'retrying') FOR UPDATE SKIP LOCKED`,
  )
  return result.rows.length === 1
}
