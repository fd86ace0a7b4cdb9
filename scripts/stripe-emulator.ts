/**
 * `npm run stripe:emulator [-- --seed]`: the LOCAL STRIPE EMULATOR on its own (test mode, dev and
 * tests only), on STRIPE_EMULATOR_URL (default http://127.0.0.1:12111), state in
 * STRIPE_EMULATOR_DATA_FILE (default .data/stripe-emulator.json). `--seed` adds the demo organizations' customers and a year of
 * invoices (keyed by organization name, since no database is involved) and syncs the portal
 * configuration. Webhooks go to STRIPE_WEBHOOK_URL when set.
 */
import path from 'node:path'

import { startStripeEmulator } from '../emulator/stripe'
import { startDemoStripeEmulator } from './demo/start-demo-emulator'
import { DEFAULT_EMULATOR_URL } from '../src/billing/stripe'
import { demoOrganizations } from './demo/demo-workspace'
import { dataDir, ensureLocalWebhookSecret, loadDotEnv } from './lib/load-env'

loadDotEnv()
await ensureLocalWebhookSecret()
const webhookUrl = process.env.STRIPE_WEBHOOK_URL || undefined
const dataFile = process.env.STRIPE_EMULATOR_DATA_FILE || path.join(dataDir, 'stripe-emulator.json')
const emulator = process.argv.includes('--seed')
  ? (
      await startDemoStripeEmulator({
        dataFile,
        webhookUrl,
        customers: demoOrganizations.filter((organization) => (organization.billingMode ?? 'stripe') === 'stripe').map((organization) => ({ name: organization.name, email: organization.billingEmail, metadata: { organizationId: organization.name } })),
      })
    ).emulator
  : await (() => {
      const url = new URL(process.env.STRIPE_EMULATOR_URL || DEFAULT_EMULATOR_URL)
      return startStripeEmulator({
        host: url.hostname,
        port: Number(url.port),
        dataFile,
        webhookUrl,
        webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
      })
    })()

console.log(`Local Stripe emulator (test mode) listening at ${emulator.url}
  API        ${emulator.url}/v1  (any sk_test_… key; API version ${emulator.apiVersion})
  Webhooks   ${webhookUrl ?? '(none: set STRIPE_WEBHOOK_URL, or create webhook endpoints through the API)'}
  State      ${dataFile}
Press Ctrl-C to stop.`)

const shutdown = async () => {
  await emulator.stop()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
