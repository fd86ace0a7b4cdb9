import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { transactionDb } from '../lib/transaction-db'
import type { PlannedDelivery } from './plan-deliveries'

export type ClaimedDelivery = { deliveryId: number; jobId: number; eventId: number; channel: PlannedDelivery['channel'] }

/**
 * One statement in the dispatch's transaction: every planned delivery row (a key already there is
 * skipped: exactly one row per event × channel × recipient) and, for each row inserted, its
 * deliver-notification job — inserted already claimed (`processing`) by this runner, which makes
 * the first try itself right after the commit (deliverFirstTries). Should this process die first,
 * the claim is a lease like any other: the runners' sweep frees it and the job runs elsewhere.
 * Payload's create + jobs.queue took ~6 statements per delivery.
 */
export async function insertPlannedDeliveries(req: PayloadRequest, eventId: number, planned: PlannedDelivery[]): Promise<ClaimedDelivery[]> {
  return insertPlannedDeliveriesOf(req, planned.map((delivery) => ({ ...delivery, eventId })))
}

/** The same for a dispatch batch: the planned deliveries of all its events, still one statement. */
export async function insertPlannedDeliveriesOf(req: PayloadRequest, planned: Array<PlannedDelivery & { eventId: number }>): Promise<ClaimedDelivery[]> {
  if (planned.length === 0) return []
  const rows = planned.map((delivery) => ({ key: delivery.key, eventId: delivery.eventId, channel: delivery.channel, recipient: delivery.recipient, recipientUser: delivery.recipientUser ?? null }))
  const result = await (await transactionDb(req)).execute(sql`
    WITH inserted AS (
      INSERT INTO notification_deliveries (key, event_id, channel, recipient, recipient_user_id, status, attempts)
      SELECT p.key, p."eventId", p.channel::enum_notification_deliveries_channel, p.recipient, p."recipientUser", 'pending', 0
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS p(key text, "eventId" int, channel text, recipient text, "recipientUser" int)
      ON CONFLICT (key) DO NOTHING
      RETURNING id, event_id, channel
    ), jobs AS (
      INSERT INTO payload_jobs (input, task_slug, queue, total_tried, has_error, processing)
      SELECT jsonb_build_object('deliveryId', id), 'deliver-notification', 'default', 0, false, true FROM inserted
      RETURNING id, (input->>'deliveryId')::int AS delivery_id
    )
    SELECT jobs.id, jobs.delivery_id, inserted.event_id, inserted.channel FROM jobs JOIN inserted ON inserted.id = jobs.delivery_id`)
  return (result.rows as Array<{ id: number; delivery_id: number; event_id: number; channel: PlannedDelivery['channel'] }>).map((row) => ({
    deliveryId: Number(row.delivery_id),
    jobId: Number(row.id),
    eventId: Number(row.event_id),
    channel: row.channel,
  }))
}
