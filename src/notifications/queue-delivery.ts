import type { PayloadRequest } from 'payload'

/** Queues the delivery job in the caller's transaction: it becomes visible to workers only on commit. */
export async function queueDelivery(req: PayloadRequest, deliveryId: number | string): Promise<void> {
  await req.payload.jobs.queue({ task: 'deliver-notification', input: { deliveryId: Number(deliveryId) }, req })
}
