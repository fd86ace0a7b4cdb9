import type { PayloadRequest } from 'payload'

export const PROCESS_STRIPE_EVENT_TASK = 'process-stripe-event'

/** Queues processing in the caller's transaction: no worker sees the job before the ledger row commits. */
export async function queueStripeEventProcessing(req: PayloadRequest, ledgerId: number | string): Promise<void> {
  await req.payload.jobs.queue({ task: PROCESS_STRIPE_EVENT_TASK, input: { ledgerId: Number(ledgerId) }, req })
}
