/** Events for every state change, delivered signed (verified with the SDK), retried, resendable. */
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../../emulator/stripe'
import { STRIPE_API_VERSION } from '../../../src/billing/stripe'
import { TEST_WEBHOOK_SECRET, startEmulatorWithClient } from '../../helpers/stripe-emulator'
import { type HttpReceiver, startHttpReceiver, stripeSignature } from '../../helpers/http-receiver'

let emulator: StripeEmulator
let stripe: Stripe
let receiver: HttpReceiver
const failOnce = new Set<string>()
/** Where the app's webhook route would be: the receiver stands in for it. */
const WEBHOOK_PATH = '/api/billing/webhook'

beforeAll(async () => {
  // The receiver answers 500 to the first delivery of any event whose customer is named "Flaky".
  receiver = await startHttpReceiver({
    path: WEBHOOK_PATH,
    respond: (webhook) => {
      const event = JSON.parse(webhook.body) as Stripe.Event
      const name = (event.data.object as { name?: string }).name
      if (name === 'Flaky' && !failOnce.has(event.id)) {
        failOnce.add(event.id)
        return 500
      }
      return 200
    },
  })
  ;({ emulator, stripe } = await startEmulatorWithClient({ webhookUrl: receiver.url }))
})
afterAll(async () => {
  await emulator?.stop()
  await receiver?.stop()
})

const received = () => receiver.received.map((webhook) => stripe.webhooks.constructEvent(webhook.body, stripeSignature(webhook), TEST_WEBHOOK_SECRET))

describe('webhook events', () => {
  it('emits signed events the SDK verifies, with the pinned api_version and request info', async () => {
    const customer = await stripe.customers.create({ name: 'Signed Co' }, { idempotencyKey: 'signed-co' })
    await stripe.customers.update(customer.id, { email: 'ap@signed.test' })
    await emulator.webhooksSettled()
    const events = received().filter((event) => (event.data.object as { id: string }).id === customer.id)
    expect(events.map((event) => event.type)).toEqual(['customer.created', 'customer.updated'])
    expect(events[0]).toMatchObject({ api_version: STRIPE_API_VERSION, livemode: false, request: { idempotency_key: 'signed-co' } })
    expect(events[1]?.data.previous_attributes).toEqual({ email: null })
    expect(() => stripe.webhooks.constructEvent(receiver.received[0]?.body ?? '', receiver.received[0] ? stripeSignature(receiver.received[0]) : '', 'whsec_wrong')).toThrow()
  })

  it('gives events increasing ids and created timestamps', () => {
    const events = emulator.events()
    const ids = events.map((event) => event.id)
    expect([...ids].sort()).toEqual(ids)
    expect(events.every((event) => typeof event.created === 'number')).toBe(true)
  })

  it('retries a failed delivery and records every attempt', async () => {
    const customer = await stripe.customers.create({ name: 'Flaky' })
    await emulator.webhooksSettled()
    const event = emulator.events('customer.created').find((entry) => entry.data.object.id === customer.id)
    const attempts = emulator.deliveries().filter((attempt) => attempt.eventId === event?.id)
    expect(attempts.map((attempt) => [attempt.attempt, attempt.status])).toEqual([[1, 500], [2, 200]])
  })

  it('resends an event on request, as duplicates with the same id', async () => {
    const customer = await stripe.customers.create({ name: 'Duplicate Co' })
    await emulator.webhooksSettled()
    const event = emulator.events('customer.created').find((entry) => entry.data.object.id === customer.id)
    emulator.resend(event?.id ?? '', 2)
    await emulator.webhooksSettled()
    expect(received().filter((entry) => entry.id === event?.id)).toHaveLength(3)
  })

  it('delivers to webhook endpoints created through the API, signed with their own secret', async () => {
    const endpointReceiver = await startHttpReceiver({ path: WEBHOOK_PATH })
    try {
      const endpoint = await stripe.webhookEndpoints.create({ url: endpointReceiver.url, enabled_events: ['invoice.paid'] })
      const customer = await stripe.customers.create({ name: 'Endpoint Co' })
      const invoice = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 7 })
      await stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, amount: 500, currency: 'usd' })
      await stripe.invoices.pay(invoice.id, { paid_out_of_band: true })
      await emulator.webhooksSettled()
      const events = endpointReceiver.received.map((webhook) => stripe.webhooks.constructEvent(webhook.body, stripeSignature(webhook), endpoint.secret ?? ''))
      expect(events.map((event) => event.type)).toEqual(['invoice.paid'])
    } finally {
      await endpointReceiver.stop()
    }
  })

  it('exposes events and deliveries on the test-only control API', async () => {
    const unauthorised = await fetch(`${emulator.url}/_emulator/events`)
    expect(unauthorised.status).toBe(401)
    const response = await fetch(`${emulator.url}/_emulator/events`, { headers: { authorization: 'Bearer sk_test_control' } })
    const body = (await response.json()) as { data: Array<{ id: string }> }
    expect(body.data.map((event) => event.id)).toEqual(emulator.events().map((event) => event.id))
    const resend = await fetch(`${emulator.url}/_emulator/events/${body.data[0]?.id}/resend`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_control', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'times=2',
    })
    expect(await resend.json()).toEqual({ resent: body.data[0]?.id, times: 2 })
    await emulator.webhooksSettled()
  })

  it('lists events through the API, filtered by type', async () => {
    const events = await stripe.events.list({ type: 'customer.*', limit: 100 })
    expect(events.data.length).toBeGreaterThan(0)
    expect(events.data.every((event) => event.type.startsWith('customer.'))).toBe(true)
  })
})
