import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { transactionDb } from '../lib/transaction-db'
import { withTransaction } from '../lib/with-transaction'
import { deliverFirstTries } from './deliver-first-try'
import { insertPlannedDeliveries } from './insert-planned-deliveries'
import { planDeliveries } from './plan-deliveries'

/**
 * Fans one outbox event out to its deliveries, in one transaction: the delivery rows (unique per
 * event × channel × recipient) with a claimed job each, in one statement, and the event's
 * dispatchedAt. After the commit this run makes each delivery's first try itself (deliverFirstTries);
 * retries run as those jobs. The runner dispatches a batch of these jobs together
 * (dispatchEventBatch); this one-event path is the task's, for a job that batch handed back. A second run of the same event finds dispatchedAt set and does nothing.
 */
export async function dispatchPortalEvent(payload: Payload, eventId: number): Promise<{ deliveries: number }> {
  const claimed = await withTransaction(payload, async (req) => {
    const event = await payload.findByID({ collection: 'portal-events', id: eventId, depth: 0, overrideAccess: true, req })
    if (event.dispatchedAt) return []
    const rows = await insertPlannedDeliveries(req, event.id, await planDeliveries(req, event))
    await (await transactionDb(req)).execute(sql`UPDATE portal_events SET dispatched_at = now(), updated_at = now() WHERE id = ${event.id}`)
    return rows
  })
  await deliverFirstTries(payload, claimed)
  return { deliveries: claimed.length }
}
