/**
 * `npm run stripe:portal-config [-- --dry-run]`: makes the Stripe Customer Portal configuration
 * match src/billing/portal-configuration.ts and prints the id to pin as STRIPE_PORTAL_CONFIG_ID.
 * Talks to real Stripe when STRIPE_SECRET_KEY is set, else to the local emulator (STRIPE_EMULATOR_URL).
 */
import { portalConfiguration } from '../src/billing/portal-configuration'
import { syncPortalConfiguration } from '../src/billing/portal-configuration-sync'
import { createStripeClient, stripeTarget } from '../src/billing/stripe'
import { loadDotEnv } from './lib/load-env'

loadDotEnv()
const dryRun = process.argv.includes('--dry-run')
const target = stripeTarget()
console.log(target.kind === 'stripe' ? `Stripe (${target.apiKey.startsWith('sk_live_') ? 'LIVE mode' : 'test mode'})` : `Local Stripe emulator at ${target.url}`)

// Stripe keeps the return URL; without PORTAL_URL it would be the dev server's localhost.
if (target.kind === 'stripe' && !process.env.PORTAL_URL?.trim()) {
  console.error('stripe:portal-config: set PORTAL_URL to the portal\'s public origin first (it becomes the portal\'s return URL).')
  process.exit(1)
}

try {
  const result = await syncPortalConfiguration(createStripeClient(target), portalConfiguration(), { dryRun })
  for (const change of result.changes) console.log(`  ${change.path}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`)
  if (result.action === 'unchanged') console.log('Up to date; nothing to change.')
  else if (dryRun) console.log(`Dry run: would ${result.action} ${result.id ?? 'a new configuration'} (${result.changes.length} change(s)).`)
  else console.log(`${result.action === 'create' ? 'Created' : 'Updated'} ${result.id}.`)
  if (result.id) console.log(`\nSTRIPE_PORTAL_CONFIG_ID=${result.id}`)
} catch (error) {
  console.error(`stripe:portal-config failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
