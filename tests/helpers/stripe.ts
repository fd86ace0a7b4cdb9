import type { Payload } from 'payload'
import type Stripe from 'stripe'

import { POST as webhookPOST } from '../../src/app/(portal)/api/stripe/webhooks/route'
import { ensureStripeCustomer } from '../../src/billing/customer-sync/ensure-stripe-customer'
import { withTransaction } from '../../src/lib/with-transaction'
import { startEmulatorWithClient, TEST_WEBHOOK_SECRET } from './stripe-emulator'

/**
 * The local Stripe emulator for an integration file, with the app's Stripe client (getStripe)
 * pointed at it: set before the first getStripe() call, which every module of the file shares.
 */
export async function startStripeForApp() {
  const started = await startEmulatorWithClient()
  delete process.env.STRIPE_SECRET_KEY
  process.env.STRIPE_EMULATOR_URL = started.emulator.url
  process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET
  return started
}

/** The webhook route, called as Stripe calls it: the exact body, signed (by default correctly) with the SDK's test helper. */
export async function deliverWebhook(
  stripe: Stripe,
  event: unknown,
  { secret = TEST_WEBHOOK_SECRET, timestamp, body = JSON.stringify(event), signature }: { secret?: string; timestamp?: number; body?: string; signature?: string | null } = {},
) {
  const header = signature === undefined ? stripe.webhooks.generateTestHeaderString({ payload: JSON.stringify(event), secret, timestamp }) : signature
  const headers = new Headers({ 'content-type': 'application/json' })
  if (header !== null) headers.set('stripe-signature', header)
  const response = await webhookPOST(new Request('http://localhost/api/stripe/webhooks', { method: 'POST', headers, body }))
  return { status: response.status, body: await response.json() }
}

/** Gives the organization its Stripe customer the way the app does on first use. */
export const linkCustomer = (payload: Payload, stripe: Stripe, organizationId: number) =>
  withTransaction(payload, (req) => ensureStripeCustomer(req, organizationId, { stripe, actor: { kind: 'system', label: 'test' } }))

export const ledgerRows = (payload: Payload, eventIds: string[]) =>
  payload.find({ collection: 'stripe-events', where: { eventId: { in: eventIds } }, pagination: false, depth: 0, overrideAccess: true })
