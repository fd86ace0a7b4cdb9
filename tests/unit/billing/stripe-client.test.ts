import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'

import { DEFAULT_EMULATOR_URL, STRIPE_API_VERSION, stripeTarget } from '../../../src/billing/stripe'

describe('Stripe client target', () => {
  it('uses real Stripe when STRIPE_SECRET_KEY is set', () => {
    expect(stripeTarget({ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_EMULATOR_URL: 'http://127.0.0.1:1' })).toEqual({ kind: 'stripe', apiKey: 'sk_test_abc' })
  })

  it('falls back to the emulator, default port 12111, or STRIPE_EMULATOR_URL', () => {
    expect(stripeTarget({})).toMatchObject({ kind: 'emulator', url: DEFAULT_EMULATOR_URL, host: '127.0.0.1', port: 12111, protocol: 'http' })
    expect(stripeTarget({ STRIPE_SECRET_KEY: ' ', STRIPE_EMULATOR_URL: 'http://localhost:4010' })).toMatchObject({ kind: 'emulator', host: 'localhost', port: 4010 })
  })

  it('pins the API version the installed SDK was generated for (update it on purpose when upgrading)', () => {
    expect(STRIPE_API_VERSION).toBe(Stripe.API_VERSION)
  })
})
