import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import type Stripe from 'stripe'

import type { StripeEmulator } from '../../emulator/stripe'
import { startStripeForApp } from './stripe'

/** Where the portal's route handlers live; suites generated from the route list read it. */
export const PORTAL_API_ROOT = path.resolve(import.meta.dirname, '../../src/app/(portal)/api')

/** Every route file built with `portalRoute` (session, organization, JSON envelope), sorted, relative to PORTAL_API_ROOT. */
export async function portalRouteFiles(): Promise<string[]> {
  const files = (await readdir(PORTAL_API_ROOT, { recursive: true })).filter((file) => file.endsWith('route.ts')).sort()
  const portal: string[] = []
  for (const file of files) if ((await readFile(path.join(PORTAL_API_ROOT, file), 'utf8')).includes('portalRoute(')) portal.push(file)
  return portal
}

/**
 * The app's Stripe on the local emulator with a Customer Portal configuration pinned, as a deployment
 * has after `npm run stripe:portal-config`, so a valid billing request can succeed. `stop()` undoes it.
 */
export async function startConfiguredStripe(): Promise<{ emulator: StripeEmulator; stop: () => Promise<void> }> {
  const { emulator, stripe } = await startStripeForApp()
  const configuration = await stripe.billingPortal.configurations.create({ features: { payment_method_update: { enabled: true } } } as Stripe.BillingPortal.ConfigurationCreateParams)
  process.env.STRIPE_PORTAL_CONFIG_ID = configuration.id
  process.env.PORTAL_URL = 'http://portal.test'
  return {
    emulator,
    stop: async () => {
      delete process.env.STRIPE_PORTAL_CONFIG_ID
      delete process.env.PORTAL_URL
      await emulator.stop()
    },
  }
}
