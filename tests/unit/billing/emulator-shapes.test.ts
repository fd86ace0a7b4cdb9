/**
 * Real-shape check: every object the emulator returns must carry the fields of Stripe's real
 * object — each key of the example in tests/fixtures/stripe (Stripe's OpenAPI fixtures, MIT), with the
 * same JSON type, recursively. Null is accepted where the example is null or where the spec (as
 * the SDK's generated types say) declares the field nullable. Objects are created through the
 * official SDK against a running emulator.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../../emulator/stripe'
import { startEmulatorWithClient } from '../../helpers/stripe-emulator'
import { SdkNullability } from '../../helpers/sdk-nullability'
import { shapeDiff } from '../../helpers/shape-diff'

const examplesDir = path.resolve(import.meta.dirname, '../../fixtures/stripe')

/** Example file → the SDK type that describes it. */
const sdkTypeFor = {
  customer: 'Customer',
  deleted_customer: 'DeletedCustomer',
  tax_id: 'TaxId',
  deleted_tax_id: 'DeletedTaxId',
  payment_method: 'PaymentMethod',
  subscription: 'Subscription',
  invoice: 'Invoice',
  'billing_portal.configuration': 'BillingPortal.Configuration',
  'billing_portal.session': 'BillingPortal.Session',
  'billing.meter_event_summary': 'Billing.MeterEventSummary',
  event: 'Event',
} as const
type ExampleName = keyof typeof sdkTypeFor

let emulator: StripeEmulator
let stripe: Stripe
let nullability: SdkNullability
const made = {} as Record<ExampleName, unknown>

beforeAll(async () => {
  ;({ emulator, stripe } = await startEmulatorWithClient())
  nullability = new SdkNullability(Object.values(sdkTypeFor))

  const product = await stripe.products.create({ name: 'Growth' })
  const price = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 9900, recurring: { interval: 'month' } })
  const customer = await stripe.customers.create({ name: 'Demo Co', email: 'billing@demo.test', address: { line1: 'Main St 1', city: 'Berlin', country: 'DE' }, metadata: { organizationId: '1' } })
  made.customer = customer
  made.tax_id = await stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'DE123456789' })
  made.deleted_tax_id = await stripe.customers.deleteTaxId(customer.id, (made.tax_id as Stripe.TaxId).id)
  const card = await stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } as Stripe.PaymentMethodCreateParams.Card })
  made.payment_method = await stripe.paymentMethods.attach(card.id, { customer: customer.id })
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } })
  const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] })
  made.subscription = subscription
  made.invoice = await stripe.invoices.retrieve(subscription.latest_invoice as string)
  const configuration = await stripe.billingPortal.configurations.create({
    business_profile: { headline: 'Portico', privacy_policy_url: 'https://example.com/privacy', terms_of_service_url: 'https://example.com/terms' },
    features: {
      customer_update: { enabled: true, allowed_updates: ['email', 'tax_id'] },
      invoice_history: { enabled: true },
      payment_method_update: { enabled: true },
      subscription_cancel: { enabled: true, mode: 'at_period_end' },
      subscription_update: { enabled: true, default_allowed_updates: ['price'], products: [{ product: product.id, prices: [price.id] }] },
    },
  })
  made['billing_portal.configuration'] = configuration
  made['billing_portal.session'] = await stripe.billingPortal.sessions.create({
    customer: customer.id,
    configuration: configuration.id,
    return_url: 'http://localhost:3000/account/billing',
    flow_data: { type: 'subscription_update', subscription_update: { subscription: subscription.id } },
  })
  const meter = await stripe.billing.meters.create({ display_name: 'API calls', event_name: 'api_call', default_aggregation: { formula: 'sum' } })
  await stripe.billing.meterEvents.create({ event_name: 'api_call', payload: { stripe_customer_id: customer.id, value: '25' } })
  const now = Math.floor(Date.now() / 1000)
  const summaries = await stripe.billing.meters.listEventSummaries(meter.id, { customer: customer.id, start_time: now - 3600, end_time: now + 60 })
  made['billing.meter_event_summary'] = summaries.data[0]
  made.event = (await stripe.events.list({ limit: 1 })).data[0]
  made.deleted_customer = await stripe.customers.del((await stripe.customers.create({ name: 'Gone' })).id)
}, 60_000)

afterAll(async () => {
  await emulator?.stop()
})

describe('emulator objects have the shape of Stripe’s real objects', () => {
  for (const name of Object.keys(sdkTypeFor) as ExampleName[]) {
    it(`${name} matches tests/fixtures/stripe/${name}.json`, async () => {
      const example: unknown = JSON.parse(await readFile(path.join(examplesDir, `${name}.json`), 'utf8'))
      const actual = made[name]
      expect(actual, `no ${name} was created`).toBeTruthy()
      const problems = shapeDiff(example, JSON.parse(JSON.stringify(actual)), {
        nullable: (fieldPath) => nullability.isNullable(sdkTypeFor[name], fieldPath),
        // Metadata keys are the integration's own; an event's data.object is whatever changed (the
        // example's is a plan). Both are compared as "an object", not key by key.
        opaque: (fieldPath) => fieldPath === 'metadata' || fieldPath.endsWith('.metadata') || (name === 'event' && fieldPath === 'data.object'),
      })
      expect(problems, `${name}: the emulator object differs from Stripe's example:\n  ${problems.join('\n  ')}`).toEqual([])
    })
  }
})

describe('the shape check itself', () => {
  it('reports missing keys, type mismatches and non-nullable nulls', () => {
    const problems = shapeDiff(
      { id: 'x', amount: 1, address: { city: 'a' }, lines: { data: [{ amount: 1 }] } },
      { id: 1, address: null, lines: { data: [{}] } },
      { nullable: () => false },
    )
    expect(problems).toEqual([
      'id: expected string, got number',
      'amount: missing',
      "address: expected object, got null (not nullable in Stripe's spec)",
      'lines.data[0].amount: missing',
    ])
  })

  it('reads nullability from the SDK types', () => {
    expect(nullability.isNullable('Customer', 'discount')).toBe(true)
    expect(nullability.isNullable('Customer', 'balance')).toBe(false)
    expect(nullability.isNullable('Subscription', 'items.data[0].price.recurring')).toBe(true)
    expect(nullability.isNullable('Subscription', 'items.data[0].price.currency')).toBe(false)
  })
})
