import type Stripe from 'stripe'

/** Stripe's own default: a signature older (or newer) than five minutes is a replay, not a delivery. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

/**
 * The event, if `signature` is Stripe's HMAC of exactly `rawBody` with `secret`, made within the
 * tolerance. Throws the SDK's StripeSignatureVerificationError otherwise (missing header included).
 */
export function verifyStripeEvent(stripe: Stripe, rawBody: string, signature: string | null, secret: string): Stripe.Event {
  return stripe.webhooks.constructEvent(rawBody, signature ?? '', secret, SIGNATURE_TOLERANCE_SECONDS)
}
