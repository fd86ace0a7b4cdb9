import type { Payload, Where } from 'payload'
import type Stripe from 'stripe'

import { getStripe } from '../stripe'
import { type ProcessOutcome, processStripeEvent } from './process-stripe-event'

export type ReplaySummary = { total: number } & Record<ProcessOutcome | 'failed', number>

/**
 * Runs the handlers again for every ledger row received since `since` (optionally of some types),
 * oldest event first, in this process. Handlers store only what differs from Stripe's current
 * state, so replaying events whose effects are already stored changes nothing. A failing event is
 * recorded as failed on its row (visible, retryable in /admin) and the replay goes on.
 */
export async function replayStripeEvents(
  payload: Payload,
  { since, types = [], stripe = getStripe(), onEvent }: { since: Date; types?: string[]; stripe?: Stripe; onEvent?: (eventId: string, outcome: ProcessOutcome | 'failed', error?: unknown) => void },
): Promise<ReplaySummary> {
  const where: Where = { and: [{ createdAt: { greater_than_equal: since.toISOString() } }, ...(types.length ? [{ type: { in: types } }] : [])] }
  const rows = await payload.find({
    collection: 'stripe-events',
    where,
    sort: ['eventCreatedAt', 'id'],
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { eventId: true },
  })
  const summary: ReplaySummary = { total: rows.docs.length, processed: 0, ignored: 0, skipped: 0, failed: 0 }
  for (const row of rows.docs) {
    try {
      const outcome = await processStripeEvent(payload, row.id, { stripe, replay: true })
      summary[outcome]++
      onEvent?.(row.eventId, outcome)
    } catch (error) {
      summary.failed++
      onEvent?.(row.eventId, 'failed', error)
    }
  }
  return summary
}
