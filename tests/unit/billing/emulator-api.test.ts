/** Stripe's wire behaviour, checked with the official SDK (and raw HTTP where the SDK hides it). */
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../../emulator/stripe'
import { startEmulatorWithClient } from '../../helpers/stripe-emulator'

let emulator: StripeEmulator
let stripe: Stripe

beforeAll(async () => {
  ;({ emulator, stripe } = await startEmulatorWithClient())
})
afterAll(async () => {
  await emulator?.stop()
})

const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${emulator.url}${path}`, { ...init, headers: { authorization: 'Bearer sk_test_raw', 'content-type': 'application/x-www-form-urlencoded', ...init.headers } })

describe('authentication', () => {
  it('rejects a request without an API key with 401', async () => {
    const response = await fetch(`${emulator.url}/v1/customers`)
    expect(response.status).toBe(401)
    expect((await response.json()).error.message).toMatch(/did not provide an API key/)
  })

  it('rejects live keys', async () => {
    const live = new Stripe('sk_live_nope', { host: '127.0.0.1', port: emulator.port, protocol: 'http', maxNetworkRetries: 0 })
    await expect(live.customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
  })
})

describe('errors in Stripe’s shape', () => {
  it('400 for unknown and missing parameters, naming the param', async () => {
    await expect(stripe.customers.create({ nmae: 'typo' } as Stripe.CustomerCreateParams)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param: 'nmae' })
    await expect(stripe.subscriptions.create({} as Stripe.SubscriptionCreateParams)).rejects.toMatchObject({ statusCode: 400, param: 'customer', code: 'parameter_missing' })
    const customer = await stripe.customers.create({ name: 'Nested' })
    await expect(
      stripe.customers.update(customer.id, { address: { line1: 'x', planet: 'Mars' } as Stripe.AddressParam }),
    ).rejects.toMatchObject({ param: 'address[planet]' })
  })

  it('404 resource_missing for unknown ids', async () => {
    await expect(stripe.customers.retrieve('cus_nope')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such customer: 'cus_nope'" })
  })

  it('402 card_error when saving a card that always declines', async () => {
    const customer = await stripe.customers.create({ name: 'Declined' })
    const card = await stripe.paymentMethods.create({ type: 'card', card: { number: '4000000000000002', exp_month: 1, exp_year: 2035, cvc: '123' } as Stripe.PaymentMethodCreateParams.Card })
    await expect(stripe.paymentMethods.attach(card.id, { customer: customer.id })).rejects.toMatchObject({
      type: 'StripeCardError', statusCode: 402, code: 'card_declined', decline_code: 'generic_decline',
    })
  })

  it('answers unknown URLs like Stripe', async () => {
    const response = await raw('/v1/nothing_here')
    expect(response.status).toBe(404)
    expect((await response.json()).error.message).toBe('Unrecognized request URL (GET: /v1/nothing_here).')
  })
})

describe('form-encoded parameters', () => {
  it('decodes nested hashes and arrays, and "" unsets', async () => {
    const customer = await stripe.customers.create({
      name: 'Form Co',
      address: { line1: 'Main St 1', city: 'Berlin', country: 'DE' },
      metadata: { organizationId: '7', keep: 'yes' },
      preferred_locales: ['de', 'en'],
    })
    expect(customer.address).toEqual({ line1: 'Main St 1', line2: null, city: 'Berlin', postal_code: null, state: null, country: 'DE' })
    expect(customer.preferred_locales).toEqual(['de', 'en'])
    const updated = await stripe.customers.update(customer.id, { metadata: { organizationId: '' }, description: '' })
    expect(updated.metadata).toEqual({ keep: 'yes' })
    expect(updated.description).toBeNull()
  })
})

describe('expand[]', () => {
  it('expands ids, nested paths and paths inside lists', async () => {
    const customer = await stripe.customers.create({ name: 'Expand Co' })
    const card = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: customer.id })
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } })
    const product = await stripe.products.create({ name: 'Scale' })
    const price = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 29900, recurring: { interval: 'month' } })
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      expand: ['customer.invoice_settings.default_payment_method', 'latest_invoice', 'items.data.price.product'],
    })
    const expandedCustomer = subscription.customer as Stripe.Customer
    expect((expandedCustomer.invoice_settings.default_payment_method as Stripe.PaymentMethod).card?.last4).toBe('4444')
    expect((subscription.latest_invoice as Stripe.Invoice).status).toBe('paid')
    expect((subscription.items.data[0]?.price.product as Stripe.Product).name).toBe('Scale')

    const list = await stripe.subscriptions.list({ customer: customer.id, expand: ['data.customer'] })
    expect((list.data[0]?.customer as Stripe.Customer).id).toBe(customer.id)
  })

  it('refuses to expand what is not an id', async () => {
    const customer = await stripe.customers.create({ name: 'No expand' })
    await expect(stripe.customers.retrieve(customer.id, { expand: ['name'] })).rejects.toMatchObject({ statusCode: 400, message: 'This property cannot be expanded (name).' })
  })

  it('refuses more than four levels, as Stripe does, before the endpoint runs', async () => {
    const customer = await stripe.customers.create({ name: 'Deep expand' })
    const price = await stripe.prices.create({ product_data: { name: 'Deep' }, currency: 'usd', unit_amount: 100, recurring: { interval: 'month' } })
    await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] })
    // The call fetchStripeSnapshot used to make: five levels.
    await expect(stripe.subscriptions.list({ customer: customer.id, expand: ['data.items.data.price.product'] })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      param: 'expand',
      message: expect.stringContaining('You cannot expand more than 4 levels of a property'),
    })
    // Four levels is the limit, not beyond it.
    const list = await stripe.subscriptions.list({ customer: customer.id, expand: ['data.items.data.price'] })
    expect(list.data).toHaveLength(1)
    // A write with a too-deep expansion writes nothing.
    const eventsBefore = emulator.events().length
    await expect(stripe.customers.update(customer.id, { name: 'Renamed', expand: ['a.b.c.d.e'] })).rejects.toMatchObject({ statusCode: 400, param: 'expand' })
    expect(((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).name).toBe('Deep expand')
    expect(emulator.events()).toHaveLength(eventsBefore)
  })
})

describe('list pagination', () => {
  it('pages newest first with limit / starting_after / ending_before and has_more', async () => {
    const tag = `page-${Date.now()}`
    const created: string[] = []
    for (let i = 0; i < 5; i++) created.push((await stripe.customers.create({ email: `${tag}@example.test`, name: `C${i}` })).id)
    const newestFirst = [...created].reverse()
    const first = await stripe.customers.list({ email: `${tag}@example.test`, limit: 2 })
    expect(first.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2))
    expect(first.has_more).toBe(true)
    const second = await stripe.customers.list({ email: `${tag}@example.test`, limit: 2, starting_after: first.data[1]?.id })
    expect(second.data.map((c) => c.id)).toEqual(newestFirst.slice(2, 4))
    const last = await stripe.customers.list({ email: `${tag}@example.test`, limit: 2, starting_after: second.data[1]?.id })
    expect(last.data.map((c) => c.id)).toEqual(newestFirst.slice(4))
    expect(last.has_more).toBe(false)
    const back = await stripe.customers.list({ email: `${tag}@example.test`, limit: 2, ending_before: last.data[0]?.id })
    expect(back.data.map((c) => c.id)).toEqual(newestFirst.slice(2, 4))
    expect(back.has_more).toBe(true)

    const all: string[] = []
    for await (const customer of stripe.customers.list({ email: `${tag}@example.test`, limit: 2 })) all.push(customer.id)
    expect(all).toEqual(newestFirst)
  })
})

describe('idempotency keys', () => {
  it('replays the first response for the same key and parameters', async () => {
    const key = `idem-${Date.now()}`
    const first = await stripe.customers.create({ name: 'Once' }, { idempotencyKey: key })
    const again = await stripe.customers.create({ name: 'Once' }, { idempotencyKey: key })
    expect(again.id).toBe(first.id)
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true')
    expect(emulator.events('customer.created').filter((event) => event.data.object.id === first.id)).toHaveLength(1)
  })

  it('rejects the same key with different parameters (400 idempotency_error)', async () => {
    const key = `idem-mismatch-${Date.now()}`
    await stripe.customers.create({ name: 'First' }, { idempotencyKey: key })
    await expect(stripe.customers.create({ name: 'Second' }, { idempotencyKey: key })).rejects.toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 })
  })

  it('refuses a key longer than 255 characters and accepts one of exactly 255', async () => {
    const before = emulator.events('customer.created').length
    await expect(stripe.customers.create({ name: 'Long key' }, { idempotencyKey: 'k'.repeat(256) })).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400 })
    expect(emulator.events('customer.created')).toHaveLength(before)
    const created = await stripe.customers.create({ name: 'Longest key' }, { idempotencyKey: `${Date.now()}`.padEnd(255, 'k') })
    expect(created.name).toBe('Longest key')
  })

  it('does not store a request that failed validation under its key', async () => {
    const key = `idem-invalid-${Date.now()}`
    await expect(stripe.customers.create({ name: 'Typo', nmae: 'x' } as Stripe.CustomerCreateParams, { idempotencyKey: key })).rejects.toMatchObject({ code: 'parameter_unknown' })
    // The corrected request under the same key runs, instead of replaying the error or conflicting.
    const fixed = await stripe.customers.create({ name: 'Fixed' }, { idempotencyKey: key })
    expect(fixed.name).toBe('Fixed')
    expect(fixed.lastResponse.headers['idempotent-replayed']).toBeUndefined()
  })

  it('forgets keys after 24 hours', async () => {
    let now = Date.parse('2026-06-01T00:00:00Z')
    const clocked = await startEmulatorWithClient({ clock: () => now })
    try {
      const first = await clocked.stripe.customers.create({ name: 'Day one' }, { idempotencyKey: 'daily' })
      now += 24 * 60 * 60 * 1000 - 1
      expect((await clocked.stripe.customers.create({ name: 'Day one' }, { idempotencyKey: 'daily' })).id).toBe(first.id)
      await expect(clocked.stripe.customers.create({ name: 'Day two' }, { idempotencyKey: 'daily' })).rejects.toMatchObject({ type: 'StripeIdempotencyError' })
      now += 1
      const second = await clocked.stripe.customers.create({ name: 'Day two' }, { idempotencyKey: 'daily' })
      expect(second.id).not.toBe(first.id)
    } finally {
      await clocked.emulator.stop()
    }
  })
})

describe('billing objects', () => {
  it('pays an open invoice out of band and serves its PDF', async () => {
    const customer = await stripe.customers.create({ name: 'Wire Co', email: 'ap@wire.test' })
    const invoice = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14 })
    await stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, amount: 12_000, currency: 'usd', description: 'Consulting' })
    const open = await stripe.invoices.finalizeInvoice(invoice.id)
    expect(open).toMatchObject({ status: 'open', amount_due: 12_000, number: expect.stringMatching(/-0001$/) })
    const paid = await stripe.invoices.pay(invoice.id, { paid_out_of_band: true })
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 12_000, amount_remaining: 0 })
    await expect(stripe.invoices.pay(invoice.id, { paid_out_of_band: true })).rejects.toMatchObject({ statusCode: 400 })

    const pdf = await fetch(paid.invoice_pdf ?? '')
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const body = Buffer.from(await pdf.arrayBuffer()).toString('latin1')
    expect(body.startsWith('%PDF-')).toBe(true)
    expect(body).toContain(`(${paid.number})`)
    expect(body).toContain('(Wire Co)')
  })

  it('lists invoices by created and due_date ranges, status and customer, as Stripe filters them', async () => {
    const customer = await stripe.customers.create({ name: 'Filters Co' })
    const invoiceDue = async (days: number) => {
      const draft = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: days })
      await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 1_000, currency: 'usd' })
      return stripe.invoices.finalizeInvoice(draft.id)
    }
    const soon = await invoiceDue(1)
    const later = await invoiceDue(60)
    const charged = await stripe.invoices.create({ customer: customer.id })
    const ids = async (params: Stripe.InvoiceListParams) => (await stripe.invoices.list({ customer: customer.id, ...params })).data.map((invoice) => invoice.id)
    expect(await ids({ due_date: { lt: soon.due_date! + 1 } })).toEqual([soon.id])
    expect(await ids({ due_date: { gte: soon.due_date! + 1 } })).toEqual([later.id])
    expect(await ids({ status: 'draft' })).toEqual([charged.id])
    expect(await ids({ created: { gte: soon.created, lte: later.created } })).toEqual(expect.arrayContaining([soon.id, later.id]))
    expect(await ids({ created: { lt: soon.created } })).toEqual([])
    expect((await stripe.invoices.list({ customer: 'cus_nobody' })).data).toEqual([])
  })

  it('marks a subscription incomplete when the card fails at charge time', async () => {
    const customer = await stripe.customers.create({ name: 'Fails later' })
    const card = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id })
    const price = await stripe.prices.create({ product_data: { name: 'Starter' }, currency: 'usd', unit_amount: 2900, recurring: { interval: 'month' } })
    const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], default_payment_method: card.id })
    expect(subscription.status).toBe('incomplete')
    expect(emulator.events('invoice.payment_failed').some((event) => event.data.object.subscription === subscription.id)).toBe(true)
  })

  it('adds, lists and deletes tax ids', async () => {
    const customer = await stripe.customers.create({ name: 'VAT Co' })
    const taxId = await stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'FR 12345678901' })
    expect(taxId).toMatchObject({ country: 'FR', value: 'FR12345678901', verification: { status: 'verified' } })
    expect((await stripe.customers.listTaxIds(customer.id)).data).toHaveLength(1)
    await expect(stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'not a vat' })).rejects.toMatchObject({ code: 'tax_id_invalid' })
    expect(await stripe.customers.deleteTaxId(customer.id, taxId.id)).toEqual(expect.objectContaining({ id: taxId.id, deleted: true }))
  })

  it('summarises meter events per day', async () => {
    const customer = await stripe.customers.create({ name: 'Metered' })
    const meter = await stripe.billing.meters.create({ display_name: 'Requests', event_name: `requests_${Date.now()}`, default_aggregation: { formula: 'sum' } })
    const day = 86_400
    const today = Math.floor(Date.now() / 1000 / day) * day
    await stripe.billing.meterEvents.create({ event_name: meter.event_name, payload: { stripe_customer_id: customer.id, value: '5' }, timestamp: today - day + 60 })
    await stripe.billing.meterEvents.create({ event_name: meter.event_name, payload: { stripe_customer_id: customer.id, value: '7' }, timestamp: today - day + 120 })
    await stripe.billing.meterEvents.create({ event_name: meter.event_name, payload: { stripe_customer_id: customer.id, value: '3' }, timestamp: today + 60 })
    const summaries = await stripe.billing.meters.listEventSummaries(meter.id, { customer: customer.id, start_time: today - day, end_time: today + day, value_grouping_window: 'day' })
    expect(summaries.data.map((s) => [s.start_time, s.aggregated_value])).toEqual([[today, 3], [today - day, 12]])
  })
})
