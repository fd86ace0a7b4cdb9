import type { Payload } from 'payload'

import { withTransaction } from '../lib/with-transaction'
import { planDeliveries } from './plan-deliveries'
import { queueDelivery } from './queue-delivery'

/**
 * Fans one outbox event out to its deliveries, in one transaction: the delivery rows (unique per
 * event × channel × recipient), a job per delivery, and the event's dispatchedAt. A second run of
 * the same event finds dispatchedAt set and does nothing.
 */
export async function dispatchPortalEvent(payload: Payload, eventId: number): Promise<{ deliveries: number }> {
  return withTransaction(payload, async (req) => {
    const event = await payload.findByID({ collection: 'portal-events', id: eventId, depth: 0, overrideAccess: true, req })
    if (event.dispatchedAt) return { deliveries: 0 }
    const planned = await planDeliveries(req, event)
    for (const delivery of planned) {
      const created = await payload.create({
        collection: 'notification-deliveries',
        data: { ...delivery, event: event.id, status: 'pending', attempts: 0 },
        depth: 0,
        overrideAccess: true,
        req,
      })
      await queueDelivery(req, created.id)
    }
    await payload.update({
      collection: 'portal-events',
      id: event.id,
      data: { dispatchedAt: new Date().toISOString() },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return { deliveries: planned.length }
  })
}
