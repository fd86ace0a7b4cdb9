import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../../emulator/stripe'
import { seedStripeDemo } from '../../../scripts/demo/seed-stripe-demo'
import { startEmulatorWithClient } from '../../helpers/stripe-emulator'

let emulator: StripeEmulator
let stripe: Stripe

beforeAll(async () => {
  ;({ emulator, stripe } = await startEmulatorWithClient())
})
afterAll(async () => {
  await emulator?.stop()
})

const demoCustomers = [
  { name: 'Demo Co', email: 'billing@demo.test', metadata: { organizationId: '1' }, vatId: 'DE123456789' },
  { name: 'Other Inc', email: 'owner@other.test', metadata: { organizationId: '2' }, plan: 'starter' as const },
]

/** Before 09:00 UTC on the 1st: the hour a seed anchored at 09:00 once came up one invoice short. */
const now = new Date('2026-12-01T08:00:00Z')

describe('seedStripeDemo', () => {
  it('gives each organization a customer, a card on file, a subscription and 12 months of invoices', async () => {
    const seeded = await seedStripeDemo(stripe, { customers: demoCustomers, now })
    expect(seeded.map((entry) => entry.created)).toEqual([true, true])
    const demo = seeded[0]
    const customer = (await stripe.customers.retrieve(demo?.customerId ?? '', { expand: ['invoice_settings.default_payment_method'] })) as Stripe.Customer
    expect(customer.metadata).toEqual({ organizationId: '1' })
    expect((customer.invoice_settings.default_payment_method as Stripe.PaymentMethod).card?.last4).toBe('4242')
    const subscription = await stripe.subscriptions.retrieve(demo?.subscriptionId ?? '')
    expect(subscription.status).toBe('active')

    const invoices = (await stripe.invoices.list({ customer: customer.id, limit: 100 })).data
    const paid = invoices.filter((invoice) => invoice.status === 'paid')
    expect(paid).toHaveLength(12)
    expect(invoices.filter((invoice) => invoice.status === 'open')).toHaveLength(1)
    const months = new Set(paid.map((invoice) => new Date(invoice.created * 1000).toISOString().slice(0, 7)))
    expect(months.size).toBe(12)
    expect([...months].sort()).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'])
    expect(paid.every((invoice) => invoice.lines.data[0]?.description === '1 × Growth (at $99.00 / month)')).toBe(true)
    expect(paid[0]?.customer_tax_ids).toEqual([{ type: 'eu_vat', value: 'DE123456789' }])
  })

  it('is idempotent: a second run finds the customers by organization id', async () => {
    const before = (await stripe.customers.list({ limit: 100 })).data.length
    const again = await seedStripeDemo(stripe, { customers: demoCustomers, now })
    expect(again.map((entry) => entry.created)).toEqual([false, false])
    expect((await stripe.customers.list({ limit: 100 })).data.length).toBe(before)
    expect((await stripe.prices.list({ limit: 100 })).data).toHaveLength(3)
  })
})
