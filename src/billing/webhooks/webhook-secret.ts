import { DEMO_WEBHOOK_SECRET, stripeTarget } from '../stripe'

/**
 * The secret Stripe signs webhooks with. With real Stripe it must be configured: a missing secret
 * is an error the route reports, not a reason to accept unsigned events. Only the local emulator
 * (no STRIPE_SECRET_KEY) falls back to the demo secret.
 */
export function webhookSecret(env: Record<string, string | undefined> = process.env): string {
  const secret = env.STRIPE_WEBHOOK_SECRET?.trim()
  if (secret) return secret
  if (stripeTarget(env).kind === 'emulator') return DEMO_WEBHOOK_SECRET
  throw new Error('STRIPE_WEBHOOK_SECRET is not set: with STRIPE_SECRET_KEY set, webhooks need the endpoint’s signing secret.')
}
