import type { TaskConfig } from 'payload'

import { processStripeEvent } from './process-stripe-event'
import { PROCESS_STRIPE_EVENT_TASK } from './queue-stripe-event-processing'

/** Attempts after the first; with a 1 s base the waits are 1, 2, 4 … 128 s (~4 min in all), then staff retry from /admin. */
const RETRIES = 8

export const processStripeEventTask: TaskConfig<{ input: { ledgerId: number }; output: { outcome: string } }> = {
  slug: PROCESS_STRIPE_EVENT_TASK,
  label: 'Process a Stripe webhook event',
  inputSchema: [{ name: 'ledgerId', type: 'number', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: { attempts: RETRIES, backoff: { type: 'exponential', delay: 1_000 } },
  handler: async ({ input, req }) => ({ output: { outcome: await processStripeEvent(req.payload, input.ledgerId) } }),
}
