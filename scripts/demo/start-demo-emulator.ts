import { portalConfiguration } from '../../src/billing/portal-configuration'
import { syncPortalConfiguration } from '../../src/billing/portal-configuration-sync'
import { seedStripeDemo, type DemoCustomer, type SeededCustomer } from './seed-stripe-demo'
import { startStripeEmulator, type StripeEmulator } from '../../emulator/stripe'
import { DEFAULT_EMULATOR_URL, createStripeClient, stripeTarget } from '../../src/billing/stripe'
import { ensureLocalWebhookSecret } from '../lib/load-env'


export type DemoEmulator = { emulator: StripeEmulator; portalConfigurationId: string; customers: SeededCustomer[] }

/**
 * What `npm start` runs when no STRIPE_SECRET_KEY is set: the emulator on STRIPE_EMULATOR_URL's
 * port, state kept in `dataFile` (the demo: `.data/stripe-emulator.json`), the demo organizations seeded with a year
 * of billing, and the portal configuration synced from src/billing/portal-configuration.ts.
 * Sets STRIPE_PORTAL_CONFIG_ID (and STRIPE_WEBHOOK_SECRET) for the app when they are unset.
 */
export async function startDemoStripeEmulator(options: { dataFile: string; webhookUrl?: string; customers: DemoCustomer[] }): Promise<DemoEmulator> {
  const url = new URL(process.env.STRIPE_EMULATOR_URL || DEFAULT_EMULATOR_URL)
  await ensureLocalWebhookSecret()
  const emulator = await startStripeEmulator({
    host: url.hostname,
    port: Number(url.port),
    dataFile: options.dataFile,
    webhookUrl: options.webhookUrl,
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
  })
  try {
    const stripe = createStripeClient(stripeTarget({ STRIPE_EMULATOR_URL: emulator.url }))
    const customers = await seedStripeDemo(stripe, { customers: options.customers })
    const synced = await syncPortalConfiguration(stripe, portalConfiguration(), { dryRun: false })
    if (!synced.id) throw new Error('The portal configuration was not saved')
    process.env.STRIPE_PORTAL_CONFIG_ID ||= synced.id
    return { emulator, portalConfigurationId: synced.id, customers }
  } catch (error) {
    await emulator.stop()
    throw error
  }
}
