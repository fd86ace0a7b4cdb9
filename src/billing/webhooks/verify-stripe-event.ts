import type Stripe from 'stripe'
import { z } from 'zod'

/** Stripe's own default: a signature older (or newer) than five minutes is a replay, not a delivery. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

/** A signed request that is still not an event the portal can take; answered 400, stored nowhere. */
export class WebhookRejected extends Error {
  constructor(
    readonly code: 'future_timestamp' | 'invalid_event' | 'thin_event',
    message: string,
  ) {
    super(message)
    this.name = 'WebhookRejected'
  }
}

/** What the ledger and the handlers read of a snapshot event; the rest is kept as sent. */
const SnapshotEvent = z.looseObject({
  id: z.string().regex(/^evt_\w+$/),
  object: z.literal('event'),
  type: z.string().min(1).max(200),
  created: z.number().int().positive(),
  data: z.looseObject({ object: z.looseObject({}) }),
})

/**
 * The event, if `signature` is Stripe's HMAC of exactly `rawBody` with `secret`, made within the
 * tolerance either way (the SDK checks only the past), and the body is a snapshot event. Throws
 * the SDK's StripeSignatureVerificationError for a bad signature, WebhookRejected for the rest.
 */
export function verifyStripeEvent(stripe: Stripe, rawBody: string, signature: string | null, secret: string, now = Date.now()): Stripe.Event {
  // The signature first (the SDK's check: HMAC, then the past tolerance); only then is the body read.
  const { signature: signatures } = stripe.webhooks
  if (!signatures) throw new Error('The Stripe SDK has no signature helper')
  signatures.verifyHeader(rawBody, signature ?? '', secret, SIGNATURE_TOLERANCE_SECONDS)
  let event: unknown
  try {
    event = JSON.parse(rawBody)
  } catch {
    throw new WebhookRejected('invalid_event', 'The body is signed but is not JSON.')
  }
  const timestamp = Number(/(?:^|,)t=(\d+)/.exec(signature ?? '')?.[1])
  if (timestamp > now / 1000 + SIGNATURE_TOLERANCE_SECONDS) throw new WebhookRejected('future_timestamp', 'The signature’s timestamp is in the future: check the sender’s clock.')
  if ((event as { object?: unknown }).object === 'v2.core.event') {
    throw new WebhookRejected('thin_event', 'Thin (v2) events are not accepted: point a snapshot-event endpoint at this URL.')
  }
  const parsed = SnapshotEvent.safeParse(event)
  if (!parsed.success) throw new WebhookRejected('invalid_event', `Not a Stripe event: ${parsed.error.issues.map((issue) => issue.path.join('.') || 'body').join(', ')} missing or malformed.`)
  return event as Stripe.Event
}
