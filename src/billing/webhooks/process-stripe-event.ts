import type { Payload } from 'payload'
import type Stripe from 'stripe'

import { lockRow } from '../../lib/lock-row'
import { withTransaction } from '../../lib/with-transaction'
import type { StripeEvent } from '../../payload-types'
import { getStripe } from '../stripe'
import { stripeEventHandlers, type HandledEventType } from './handlers'
import { ignoreReason } from './ignore-reason'

export type ProcessOutcome = 'processed' | 'ignored' | 'skipped'

/** Recorded outside the failed transaction (which rolled back), so staff see the attempt and its error. */
async function markFailed(payload: Payload, ledgerId: number, error: unknown): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2_000)
  await payload.db.pool.query(
    `UPDATE stripe_events SET status = 'failed', attempts = attempts + 1, last_error = $2, updated_at = now() WHERE id = $1`,
    [ledgerId, message],
  )
}

/**
 * Applies one ledger row: its handler's writes, their audit rows and events, and the row's move to
 * `processed` commit together, so a crash or error leaves the row retryable with nothing half done
 * (the error and attempt count are recorded, and the job retries). A row already processed or
 * ignored is skipped — unless `replay`, which runs the handler again (a no-op when Stripe's state
 * matches the organization's). Events for customers no organization has are `ignored`.
 */
export async function processStripeEvent(
  payload: Payload,
  ledgerId: number,
  { stripe = getStripe(), replay = false }: { stripe?: Stripe; replay?: boolean } = {},
): Promise<ProcessOutcome> {
  try {
    return await withTransaction(payload, async (req) => {
      if (!(await lockRow(req, 'stripe_events', ledgerId))) throw new Error(`No stripe-events row ${ledgerId}`)
      const row = await payload.findByID({ collection: 'stripe-events', id: ledgerId, depth: 0, overrideAccess: true, req })
      if (!replay && (row.status === 'processed' || row.status === 'ignored')) return 'skipped'
      const event = row.event as unknown as Stripe.Event
      const finish = (data: Partial<StripeEvent>) =>
        payload.update({
          collection: 'stripe-events',
          id: ledgerId,
          data: { attempts: (row.attempts ?? 0) + 1, lastError: null, processedAt: new Date().toISOString(), ...data },
          depth: 0,
          overrideAccess: true,
          req,
        })

      const reason = ignoreReason(event)
      const organization = reason || !row.customerId
        ? undefined
        : (await payload.find({ collection: 'organizations', where: { stripeCustomerId: { equals: row.customerId } }, limit: 1, depth: 0, overrideAccess: true, req, select: { stripeCustomerId: true } })).docs[0]
      if (reason || !organization) {
        await finish({ status: 'ignored', reason: reason ?? `No organization has Stripe customer ${row.customerId ?? '(none)'}.` })
        return 'ignored'
      }
      await stripeEventHandlers[event.type as HandledEventType]({
        req,
        event,
        organizationId: organization.id,
        stripe,
        actor: { kind: 'stripe', label: 'Stripe', requestId: event.id },
      })
      await finish({ status: 'processed', reason: null, organization: organization.id })
      return 'processed'
    })
  } catch (error) {
    await markFailed(payload, ledgerId, error)
    throw error
  }
}
