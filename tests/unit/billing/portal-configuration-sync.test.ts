import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../../emulator/stripe'
import { portalConfiguration, type PortalConfiguration } from '../../../src/billing/portal-configuration'
import { syncPortalConfiguration } from '../../../src/billing/portal-configuration-sync'
import { seedStripeDemo } from '../../../scripts/demo/seed-stripe-demo'
import { startEmulatorWithClient } from '../../helpers/stripe-emulator'

let emulator: StripeEmulator
let stripe: Stripe

beforeAll(async () => {
  ;({ emulator, stripe } = await startEmulatorWithClient())
  await seedStripeDemo(stripe, { customers: [] })
})
afterAll(async () => {
  await emulator?.stop()
})

describe('portal configuration as code', () => {
  it('dry run shows what would be created and changes nothing', async () => {
    const result = await syncPortalConfiguration(stripe, portalConfiguration(), { dryRun: true })
    expect(result.action).toBe('create')
    expect(result.id).toBeNull()
    expect(result.changes).toContainEqual({ path: 'features.payment_method_update.enabled', from: null, to: true })
    expect((await stripe.billingPortal.configurations.list()).data).toHaveLength(0)
  })

  it('creates the configuration from the typed file, then finds it again and has nothing to do', async () => {
    const created = await syncPortalConfiguration(stripe, portalConfiguration(), { dryRun: false })
    expect(created.action).toBe('create')
    const saved = await stripe.billingPortal.configurations.retrieve(created.id ?? '', { expand: ['features.subscription_update.products'] })
    expect(saved.metadata).toEqual({ portico: 'managed' })
    expect(saved.features.customer_update.allowed_updates).toEqual(['name', 'email', 'address', 'tax_id'])
    expect(saved.features.subscription_update.products?.[0]?.prices).toHaveLength(1)
    expect(saved.features.subscription_update.products).toHaveLength(3)
    expect(saved.default_return_url).toBe(portalConfiguration().defaultReturnUrl)

    const again = await syncPortalConfiguration(stripe, portalConfiguration(), { dryRun: false })
    expect(again).toEqual({ action: 'unchanged', id: created.id, changes: [] })
  })

  it('diffs a change, and applies it to the same configuration', async () => {
    const changed: PortalConfiguration = portalConfiguration()
    changed.features.invoiceHistory.enabled = false
    changed.businessProfile.headline = null
    const preview = await syncPortalConfiguration(stripe, changed, { dryRun: true })
    expect(preview.changes).toEqual([
      { path: 'business_profile.headline', from: portalConfiguration().businessProfile.headline, to: '' },
      { path: 'features.invoice_history.enabled', from: true, to: false },
    ])
    const applied = await syncPortalConfiguration(stripe, changed, { dryRun: false })
    expect(applied).toMatchObject({ action: 'update', id: preview.id })
    const saved = await stripe.billingPortal.configurations.retrieve(applied.id ?? '')
    expect(saved.features.invoice_history.enabled).toBe(false)
    expect(saved.business_profile.headline).toBeNull()
  })

  it('takes the return URL from PORTAL_URL, so a real account gets this deployment’s address', () => {
    expect(portalConfiguration({ PORTAL_URL: 'https://portal.example.com/' }).defaultReturnUrl).toBe('https://portal.example.com/account/billing')
    expect(portalConfiguration({}).defaultReturnUrl).toBe('http://localhost:3000/account/billing')
  })

  it('fails clearly when a plan’s price does not exist', async () => {
    const unknown: PortalConfiguration = portalConfiguration()
    unknown.features.subscriptionUpdate.priceLookupKeys = ['portico_enterprise_monthly']
    await expect(syncPortalConfiguration(stripe, unknown, { dryRun: true })).rejects.toThrow(/portico_enterprise_monthly/)
  })
})
