import type { TaskConfig } from 'payload'

import { deliverNotification } from './deliver-notification'
import { DELIVERY_RETRIES, deliveryRetries } from './delivery-retries'
import { dispatchPortalEvent } from './dispatch-portal-event'

export const dispatchPortalEventTask: TaskConfig<{ input: { eventId: number }; output: { deliveries: number } }> = {
  slug: 'dispatch-portal-event',
  label: 'Dispatch a portal event',
  inputSchema: [{ name: 'eventId', type: 'number', required: true }],
  outputSchema: [{ name: 'deliveries', type: 'number' }],
  retries: deliveryRetries,
  handler: async ({ input, req }) => ({ output: await dispatchPortalEvent(req.payload, input.eventId) }),
}

export const deliverNotificationTask: TaskConfig<{ input: { deliveryId: number }; output: { outcome: string } }> = {
  slug: 'deliver-notification',
  label: 'Deliver a notification',
  inputSchema: [{ name: 'deliveryId', type: 'number', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: deliveryRetries,
  handler: async ({ input, job, req }) => {
    const finalAttempt = (job.totalTried ?? 0) >= DELIVERY_RETRIES
    return { output: { outcome: await deliverNotification(req.payload, input.deliveryId, { finalAttempt }) } }
  },
}
