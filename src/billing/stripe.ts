import Stripe from 'stripe'

import { STRIPE_API_VERSION } from './stripe-api-version'

export { STRIPE_API_VERSION }

export const DEFAULT_EMULATOR_URL = 'http://127.0.0.1:12111'
/** Any `sk_test_` key works against the emulator; this one says where it came from in logs. */
export const EMULATOR_API_KEY = 'sk_test_portico_local_emulator'

export type StripeTarget =
  | { kind: 'stripe'; apiKey: string }
  | { kind: 'emulator'; apiKey: string; url: string; host: string; port: number; protocol: 'http' | 'https' }

/**
 * Which Stripe to talk to: `STRIPE_SECRET_KEY` set → the real API; unset → the local emulator at
 * `STRIPE_EMULATOR_URL` (default http://127.0.0.1:12111), so the demo and the tests run offline.
 */
export function stripeTarget(env: Record<string, string | undefined> = process.env): StripeTarget {
  const secretKey = env.STRIPE_SECRET_KEY?.trim()
  if (secretKey) return { kind: 'stripe', apiKey: secretKey }
  const url = new URL(env.STRIPE_EMULATOR_URL?.trim() || DEFAULT_EMULATOR_URL)
  const protocol = url.protocol === 'https:' ? 'https' : 'http'
  return { kind: 'emulator', apiKey: EMULATOR_API_KEY, url: url.origin, host: url.hostname, port: Number(url.port || (protocol === 'https' ? 443 : 80)), protocol }
}

/** The official SDK, pinned to STRIPE_API_VERSION, pointed at whichever target the environment selects. */
export function createStripeClient(target: StripeTarget = stripeTarget()): Stripe {
  const config: Stripe.StripeConfig = { apiVersion: STRIPE_API_VERSION, maxNetworkRetries: 2, appInfo: { name: 'Portico' } }
  if (target.kind === 'stripe') return new Stripe(target.apiKey, config)
  return new Stripe(target.apiKey, { ...config, host: target.host, port: target.port, protocol: target.protocol })
}

let shared: Stripe | undefined

/** One client per process (the SDK keeps connections alive); created on first use, not at import. */
export function getStripe(): Stripe {
  shared ??= createStripeClient()
  return shared
}
