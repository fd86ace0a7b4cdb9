import type { Payload } from 'payload'
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { estimateCharge } from '../../src/metering/estimate-charge'
import { METRIC_CATALOG, metricDefinition, type MetricId } from '../../src/metering/metric-catalog'
import { postgresMeteringSource } from '../../src/metering/postgres-metering-source'
import { recordUsage } from '../../src/metering/record-usage'
import { stripePriceParams } from '../../src/metering/stripe-price-params'
import { usageOverview } from '../../src/metering/usage-overview'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { startEmulatorWithClient } from '../helpers/stripe-emulator'

/**
 * The portal's charge for a billing period equals the emulator's invoice for that period's usage,
 * tiers included: the same events go to the portal (recordUsage) and to Stripe Billing Meters for a
 * test-clock customer subscribed to each catalog metric's metered price (stripePriceParams); the
 * clock crosses the month end, Stripe invoices March in arrears, and the page's figure for the
 * picked period 2026-03 matches each price's invoice lines to the cent — line by line for tiers.
 */
const MARCH = Date.UTC(2026, 2, 1) / 1000
const APRIL = Date.UTC(2026, 3, 1) / 1000
const DAY = 86_400
let payload: Payload
let stripe: Stripe
let emulator: Awaited<ReturnType<typeof startEmulatorWithClient>>['emulator']
let org: TestOrganization
let invoice: Stripe.Invoice
const prices = new Map<MetricId, string>()

/** Quantities chosen so each metric reaches past its included amount (and compute minutes into its second tier) with fractions to round. */
const events = [
  ...Array.from({ length: 31 }, (_, i) => ({ metric: 'api_calls' as const, quantity: 400 + ((i * 37) % 23), at: MARCH + i * DAY + 3_600 * (i % 24) })),
  ...Array.from({ length: 40 }, (_, i) => ({ metric: 'compute_minutes' as const, quantity: Number((350 + ((i * 53) % 97) + ((i * 7) % 10) / 10 + ((i * 3) % 10) / 100).toFixed(2)), at: MARCH + Math.floor(i * 0.75 * DAY) + 1_800 })),
  // The last second of March counts; nothing after it does (sent once the clock is in April).
  { metric: 'api_calls' as const, quantity: 3, at: APRIL - 1 },
]

beforeAll(async () => {
  ;({ emulator, stripe } = await startEmulatorWithClient())
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'usage-invoice')
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: MARCH })
  const customer = await stripe.customers.create({ name: 'Usage invoice', email: 'usage-invoice@example.test', test_clock: clock.id })
  for (const metric of METRIC_CATALOG) {
    const meter = await stripe.billing.meters.create({ display_name: metric.displayName, event_name: metric.stripeMeter, default_aggregation: { formula: 'sum' }, customer_mapping: { type: 'by_id', event_payload_key: 'stripe_customer_id' }, value_settings: { event_payload_key: 'value' } })
    const product = await stripe.products.create({ name: metric.displayName })
    prices.set(metric.id, (await stripe.prices.create(stripePriceParams(metric, { meter: meter.id, product: product.id }))).id)
  }
  const subscription = await stripe.subscriptions.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 30, items: METRIC_CATALOG.map((metric) => ({ price: prices.get(metric.id)! })) })

  // Each event reported when it happens (Stripe takes events up to 35 days old), to Stripe and to the portal.
  const ordered = [...events].sort((a, b) => a.at - b.at)
  for (const [index, event] of ordered.entries()) {
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: event.at })
    await stripe.billing.meterEvents.create({ event_name: metricDefinition(event.metric).stripeMeter, identifier: `inv-${index}`, timestamp: event.at, payload: { stripe_customer_id: customer.id, value: String(event.quantity) } })
  }
  await recordUsage(payload, ordered.map((event, index) => ({ organizationId: org.organization.id, metric: event.metric, quantity: event.quantity, occurredAt: new Date(event.at * 1000).toISOString(), idempotencyKey: `inv-${index}` })), { now: new Date(APRIL * 1000) })
  await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: APRIL + 3_600 })
  await stripe.billing.meterEvents.create({ event_name: 'api_calls', identifier: 'april', timestamp: APRIL + 60, payload: { stripe_customer_id: customer.id, value: '999' } })
  const invoices = await stripe.invoices.list({ customer: customer.id, subscription: subscription.id, limit: 10 })
  invoice = invoices.data.find((candidate) => candidate.billing_reason === 'subscription_cycle')!
})

afterAll(async () => {
  await emulator?.stop()
})

describe('the estimated charge equals the invoice', () => {
  it.each(METRIC_CATALOG.map((metric) => metric.id))('%s: the page’s figure for 2026-03 is the invoice’s, line by line', async (metric) => {
    expect(invoice).toBeDefined()
    const lines = invoice.lines.data.filter((line) => line.pricing?.price_details?.price === prices.get(metric))
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line.period).toEqual({ start: MARCH, end: APRIL })
    const overview = await usageOverview(postgresMeteringSource(payload), { organizationId: org.organization.id, metric, timeZone: 'UTC', now: new Date((APRIL + 2 * DAY) * 1000), period: '2026-03' })
    expect(overview.period).toMatchObject({ start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z', closed: true })
    const invoiced = lines.reduce((sum, line) => sum + line.amount, 0)
    expect(invoiced).toBeGreaterThan(0)
    expect(overview.period.estimatedCharge).toBe(invoiced)
    // Tier by tier: the free included tier, then each priced band, rounded alike.
    const charged = lines.map((line) => line.amount).filter((amount) => amount > 0)
    expect(charged).toEqual(estimateCharge(overview.period.quantity, metricDefinition(metric)).lines.map((line) => line.amount))
    const usage = events.filter((event) => event.metric === metric).reduce((sum, event) => sum + Math.round(event.quantity * 100), 0) / 100
    expect(overview.period.quantity).toBeCloseTo(usage, 6)
    expect(lines.reduce((sum, line) => sum + (line.quantity ?? 0), 0)).toBeCloseTo(usage, 6)
  })
})
