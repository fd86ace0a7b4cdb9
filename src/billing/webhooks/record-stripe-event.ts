import type { Payload } from 'payload'
import type Stripe from 'stripe'

import type { StripeEventStatus } from '../../collections/StripeEvents'
import { withTransaction } from '../../lib/with-transaction'
import { STRIPE_API_VERSION } from '../stripe-api-version'
import { eventCustomerId } from './event-customer'
import { ignoreReason } from './ignore-reason'
import { queueStripeEventProcessing } from './queue-stripe-event-processing'

export type RecordedStripeEvent = { ledgerId: number; status: StripeEventStatus; duplicate: boolean }

const versionsNoted = new Set<string>()

/** Events of another version are processed all the same (handlers re-read Stripe); said once per version. */
function noteApiVersion(payload: Payload, version: string | null) {
  if (!version || version === STRIPE_API_VERSION || versionsNoted.has(version)) return
  versionsNoted.add(version)
  payload.logger.warn(`Stripe webhooks arrive in API version ${version}; the portal pins ${STRIPE_API_VERSION}. They are processed (handlers re-read Stripe), but align the endpoint's version when you can.`)
}

const findRow = async (payload: Payload, eventId: string) =>
  (await payload.find({ collection: 'stripe-events', where: { eventId: { equals: eventId } }, limit: 1, depth: 0, overrideAccess: true, select: { status: true } })).docs[0]

/**
 * Writes a verified event to the ledger once, with its processing job in the same transaction,
 * and returns at once (the route must answer Stripe fast). A second delivery of the same event id
 * — sequential or racing the first, which the unique index settles — is reported as a duplicate.
 * Events the portal won't apply are stored as `ignored`, with the reason, and get no job.
 */
export async function recordStripeEvent(payload: Payload, event: Stripe.Event): Promise<RecordedStripeEvent> {
  noteApiVersion(payload, event.api_version)
  const existing = await findRow(payload, event.id)
  if (existing) return { ledgerId: existing.id, status: existing.status, duplicate: true }
  const reason = ignoreReason(event)
  try {
    return await withTransaction(payload, async (req) => {
      const row = await payload.create({
        collection: 'stripe-events',
        data: {
          eventId: event.id,
          type: event.type,
          status: reason ? 'ignored' : 'received',
          reason,
          attempts: 0,
          customerId: eventCustomerId(event),
          apiVersion: event.api_version,
          eventCreatedAt: new Date(event.created * 1000).toISOString(),
          event: event as unknown as Record<string, unknown>,
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
      if (!reason) await queueStripeEventProcessing(req, row.id)
      return { ledgerId: row.id, status: row.status, duplicate: false }
    })
  } catch (error) {
    const raced = await findRow(payload, event.id)
    if (raced) return { ledgerId: raced.id, status: raced.status, duplicate: true }
    throw error
  }
}
