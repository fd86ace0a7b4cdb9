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
export type ClaimedDeliveryRow = { id: number; key: string; channel: 'slack' | 'email' | 'in_app'; recipient: string; recipientUser: number | null; eventId: number }

/** The claimed row (what sending it needs), or null when it is sent already or another worker holds it. */
export async function claimDelivery(req: PayloadRequest, deliveryId: number): Promise<ClaimedDeliveryRow | null> {
  const result = await (await transactionDb(req)).execute(
    sql`SELECT id, key, channel, recipient, recipient_user_id, event_id FROM notification_deliveries WHERE id = ${deliveryId} AND status IN ('pending', 'retrying') FOR UPDATE SKIP LOCKED`,
  )
  const row = result.rows[0] as { id: number; key: string; channel: ClaimedDeliveryRow['channel']; recipient: string; recipient_user_id: number | null; event_id: number } | undefined
  if (!row) return null
  return { id: Number(row.id), key: row.key, channel: row.channel, recipient: row.recipient, recipientUser: row.recipient_user_id === null ? null : Number(row.recipient_user_id), eventId: Number(row.event_id) }
}
