import Stripe from 'stripe'

import { startStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from '../../emulator/stripe'
import { STRIPE_API_VERSION } from '../../src/billing/stripe'

export const TEST_WEBHOOK_SECRET = 'whsec_test_emulator'

/** The emulator on a free port plus the real SDK pointed at it, as the app will use it. */
export async function startEmulatorWithClient(options: StripeEmulatorOptions = {}): Promise<{ emulator: StripeEmulator; stripe: Stripe }> {
  const emulator = await startStripeEmulator({ webhookSecret: TEST_WEBHOOK_SECRET, webhookDelivery: { retryDelaysMs: [0, 20, 50] }, ...options })
  const stripe = new Stripe('sk_test_emulator', { host: '127.0.0.1', port: emulator.port, protocol: 'http', apiVersion: STRIPE_API_VERSION, maxNetworkRetries: 0 })
  return { emulator, stripe }
}
