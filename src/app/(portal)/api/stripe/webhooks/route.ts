import { randomUUID } from 'node:crypto'

import Stripe from 'stripe'

import { recordStripeEvent } from '@/billing/webhooks/record-stripe-event'
import { verifyStripeEvent, WebhookRejected } from '@/billing/webhooks/verify-stripe-event'
import { webhookSecret, WebhookSecretMissing } from '@/billing/webhooks/webhook-secret'
import { getStripe } from '@/billing/stripe'
import { payloadInstance } from '@/lib/payload'

/**
 * POST /api/stripe/webhooks — Stripe calling, so no portal session: the signature is the
 * authentication. Bad, missing, stale or future signature, or a body that isn't a snapshot event →
 * 400 and nothing stored; no signing secret configured → 503. A verified event is
 * written to the ledger (a duplicate is acknowledged and not processed again) and processed by a
 * job; the answer doesn't wait for it. Anything else failing → 500 (logged), so Stripe retries.
 */
export async function POST(request: Request): Promise<Response> {
  const payload = await payloadInstance()
  const rawBody = await request.text()
  try {
    const event = verifyStripeEvent(getStripe(), rawBody, request.headers.get('stripe-signature'), webhookSecret())
    const recorded = await recordStripeEvent(payload, event, rawBody)
    return Response.json({ received: true, duplicate: recorded.duplicate, status: recorded.status })
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      return Response.json({ error: { code: 'invalid_signature', message: error.message } }, { status: 400 })
    }
    if (error instanceof WebhookRejected) return Response.json({ error: { code: error.code, message: error.message } }, { status: 400 })
    if (error instanceof WebhookSecretMissing) {
      // Not Stripe's fault and not worth its retries until someone sets the secret; said loudly.
      payload.logger.error(error.message)
      return Response.json({ error: { code: 'not_configured', message: 'Webhooks are not configured on this deployment.' } }, { status: 503 })
    }
    const requestId = randomUUID()
    payload.logger.error({ err: error, requestId }, 'stripe webhook failed')
    return Response.json({ error: { code: 'internal', message: `Webhook not recorded (request id ${requestId}).` } }, { status: 500 })
  }
}
