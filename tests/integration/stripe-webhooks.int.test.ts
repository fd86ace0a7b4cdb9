import type { Payload } from 'payload'
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { snapshotOfOrganization } from '../../src/billing/customer-sync/billing-snapshot'
import { fetchStripeSnapshot } from '../../src/billing/customer-sync/fetch-stripe-snapshot'
import type { StripeEmulator } from '../../emulator/stripe'
import { STRIPE_API_VERSION } from '../../src/billing/stripe'
import { isHandledEventType, stripeEventHandlers } from '../../src/billing/webhooks/handlers'
import { replayStripeEvents } from '../../src/billing/webhooks/replay-stripe-events'
import type { Organization } from '../../src/payload-types'
import { createOrganizationWithEveryRole, testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'
import { runJobsNow, skipBackoff } from '../helpers/jobs'
import { deliverWebhook, ledgerRows, linkCustomer, startStripeForApp } from '../helpers/stripe'
import { TEST_WEBHOOK_SECRET } from '../helpers/stripe-emulator'

let payload: Payload
let emulator: StripeEmulator
let stripe: Stripe

/** A deterministic PRNG (mulberry32), so a failing shuffle can be reproduced. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const organization = (id: number) => payload.findByID({ collection: 'organizations', id, depth: 0, overrideAccess: true })
const eventsOf = (customerId: string, after = '') => emulator.events().filter((event) => event.id > after && JSON.stringify(event.data).includes(customerId))
const lastEventId = () => emulator.events().at(-1)?.id ?? ''

beforeAll(async () => {
  ;({ emulator, stripe } = await startStripeForApp())
  payload = await testPayload()
  await runJobsNow(payload)
})

afterAll(async () => {
  await emulator?.stop()
})

describe('POST /api/stripe/webhooks: signature', () => {
  let event: Record<string, unknown>
  beforeAll(async () => {
    const customer = await stripe.customers.create({ name: 'Nobody we know' })
    const before = lastEventId()
    await stripe.customers.update(customer.id, { name: 'Still nobody' })
    event = eventsOf(customer.id, before)[0]
  })

  const cases: Array<[string, (event: Record<string, unknown>) => Parameters<typeof deliverWebhook>[2]]> = [
    ['a tampered body', (event) => ({ body: JSON.stringify({ ...event, type: 'customer.deleted' }) })],
    ['the wrong secret', () => ({ secret: 'whsec_not_the_right_one' })],
    ['a timestamp outside the 5-minute tolerance', () => ({ timestamp: Math.floor(Date.now() / 1000) - 301 })],
    ['no signature header', () => ({ signature: null })],
    ['a garbage signature header', () => ({ signature: 't=1,v1=deadbeef' })],
  ]
  it.each(cases)('rejects %s with 400 and stores nothing', async (_, options) => {
    const response = await deliverWebhook(stripe, event, options(event))
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('invalid_signature')
    expect((await ledgerRows(payload, [String(event.id)])).totalDocs).toBe(0)
  })

  it('accepts a valid one, records it once, and acknowledges a duplicate without a second job', async () => {
    const first = await deliverWebhook(stripe, event)
    expect(first).toEqual({ status: 200, body: { received: true, duplicate: false, status: 'received' } })
    const again = await deliverWebhook(stripe, event)
    expect(again).toEqual({ status: 200, body: { received: true, duplicate: true, status: 'received' } })
    await runJobsNow(payload)
    const { docs } = await ledgerRows(payload, [String(event.id)])
    expect(docs).toHaveLength(1)
    // A customer no organization has: acknowledged, recorded, never an error.
    expect(docs[0]).toMatchObject({ status: 'ignored', attempts: 1, reason: expect.stringContaining('No organization') })
  })

  const jobsFor = async (eventId: string) =>
    Number((await payload.db.pool.query(`SELECT count(*) FROM payload_jobs WHERE task_slug = 'process-stripe-event' AND (input->>'ledgerId')::int IN (SELECT id FROM stripe_events WHERE event_id = $1)`, [eventId])).rows[0].count)

  it('eight racing deliveries of one new event id: one ledger row, one job, seven acknowledged as duplicates', async () => {
    const racing = { ...event, id: `evt_race_${Date.now()}` }
    const answers = await Promise.all(Array.from({ length: 8 }, () => deliverWebhook(stripe, racing)))
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200))
    expect(answers.filter((answer) => !answer.body.duplicate)).toHaveLength(1)
    expect((await ledgerRows(payload, [racing.id])).totalDocs).toBe(1)
    expect(await jobsFor(racing.id)).toBe(1)
  })

  it('an event type the portal does not act on is stored as ignored, with its reason, and gets no job', async () => {
    const other = { ...event, id: `evt_other_${Date.now()}`, type: 'charge.succeeded' }
    expect(await deliverWebhook(stripe, other)).toEqual({ status: 200, body: { received: true, duplicate: false, status: 'ignored' } })
    expect((await ledgerRows(payload, [other.id])).docs[0]).toMatchObject({ status: 'ignored', reason: expect.stringContaining('does not act'), attempts: 0 })
    expect(await jobsFor(other.id)).toBe(0)
  })

  it('processes an event of another API version like any other: the handlers re-read Stripe', async () => {
    const old = { ...event, id: `${String(event.id)}_old`, api_version: '2020-08-27' }
    expect(await deliverWebhook(stripe, old)).toEqual({ status: 200, body: { received: true, duplicate: false, status: 'received' } })
    await runJobsNow(payload)
    const { docs } = await ledgerRows(payload, [old.id])
    expect(docs[0]).toMatchObject({ attempts: 1, apiVersion: '2020-08-27', reason: expect.stringContaining('No organization') })
    expect(docs[0]!.reason).not.toContain(STRIPE_API_VERSION)
  })

  const signedRaw = (body: string, timestamp?: number) => ({ body, signature: stripe.webhooks.generateTestHeaderString({ payload: body, secret: TEST_WEBHOOK_SECRET, timestamp }) })
  const signedCases: Array<[string, () => Parameters<typeof deliverWebhook>[2], string]> = [
    ['a timestamp ten minutes in the future', () => ({ timestamp: Math.floor(Date.now() / 1000) + 600 }), 'future_timestamp'],
    ['a signed body that is not JSON', () => signedRaw('{not json'), 'invalid_event'],
    ['a signed event without data', () => signedRaw(JSON.stringify({ id: 'evt_nodata', object: 'event', type: 'customer.updated', created: 1 })), 'invalid_event'],
    ['a signed event without created', () => signedRaw(JSON.stringify({ id: 'evt_nocreated', object: 'event', type: 'customer.updated', data: { object: {} } })), 'invalid_event'],
    ['a signed event without id', () => signedRaw(JSON.stringify({ object: 'event', type: 'customer.updated', created: 1, data: { object: {} } })), 'invalid_event'],
    ['a v2 thin event', () => signedRaw(JSON.stringify({ id: 'evt_thin', object: 'v2.core.event', type: 'v1.billing.meter.error_report_triggered', created: '2026-12-01T00:00:00Z', related_object: { id: 'mtr_1' } })), 'thin_event'],
  ]
  it.each(signedCases)('refuses %s with 400 and a code, storing nothing', async (_, options, code) => {
    const before = await payload.count({ collection: 'stripe-events' })
    const response = await deliverWebhook(stripe, event, options())
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe(code)
    expect((await payload.count({ collection: 'stripe-events' })).totalDocs).toBe(before.totalDocs)
  })

  it('without a configured signing secret it refuses every webhook with 503, storing nothing', async () => {
    const secret = process.env.STRIPE_WEBHOOK_SECRET
    delete process.env.STRIPE_WEBHOOK_SECRET
    try {
      const response = await deliverWebhook(stripe, { ...event, id: 'evt_unconfigured' })
      expect(response.status).toBe(503)
      expect(response.body.error.code).toBe('not_configured')
      expect((await ledgerRows(payload, ['evt_unconfigured'])).totalDocs).toBe(0)
    } finally {
      process.env.STRIPE_WEBHOOK_SECRET = secret
    }
  })
})

describe('processing: out of order, duplicated, retried, replayed', () => {
  let org: Organization
  let customerId: string
  let history: Array<Record<string, unknown>>

  beforeAll(async () => {
    org = (await createOrganizationWithEveryRole(payload, 'stripe-sync')).organization
    ;({ customerId } = await linkCustomer(payload, stripe, org.id))
    const before = lastEventId()
    const plans = await Promise.all(
      ['Starter', 'Growth', 'Scale'].map((name, index) =>
        stripe.prices.create({ currency: 'usd', unit_amount: 1000 * (index + 1), recurring: { interval: 'month' }, product_data: { name } }),
      ),
    )
    const visa = await stripe.paymentMethods.attach('pm_card_visa', { customer: customerId })
    await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: visa.id } })
    const subscription = await stripe.subscriptions.create({ customer: customerId, items: [{ price: plans[0].id }] })
    const taxIds: string[] = []
    // Each step makes one to three events; ~70 steps give well over 200 for this customer.
    for (let step = 0; eventsOf(customerId, before).length < 215; step++) {
      switch (step % 6) {
        case 0:
          await stripe.customers.update(customerId, { name: `Acme ${step}`, address: { line1: `${step} Main St`, city: 'Berlin', postal_code: '10115', country: 'DE' } })
          break
        case 1: {
          const card = await stripe.paymentMethods.attach(step % 4 === 1 ? 'pm_card_mastercard' : 'pm_card_amex', { customer: customerId })
          await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: card.id } })
          break
        }
        case 2: {
          const current = await stripe.subscriptions.retrieve(subscription.id)
          await stripe.subscriptions.update(subscription.id, { items: [{ id: current.items.data[0].id, price: plans[step % 3].id }] })
          break
        }
        case 3:
          taxIds.push((await stripe.customers.createTaxId(customerId, { type: 'eu_vat', value: `DE${String(100_000_000 + step)}` })).id)
          break
        case 4:
          if (taxIds.length > 2) await stripe.customers.deleteTaxId(customerId, taxIds.shift()!)
          break
        default:
          await stripe.customers.update(customerId, { email: `billing-${step}@acme.test` })
      }
    }
    history = eventsOf(customerId, before)
  })

  it('300 deliveries, 30% duplicates, shuffled: the organization ends as Stripe is, each event processed once', async () => {
    const next = random(20261127)
    const unique = history.slice(0, 210)
    const deliveries = [...unique, ...Array.from({ length: 90 }, () => unique[Math.floor(next() * unique.length)])]
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]]
    }
    expect(deliveries).toHaveLength(300)

    const answers = []
    for (const event of deliveries) answers.push(await deliverWebhook(stripe, event))
    expect(answers.every((answer) => answer.status === 200)).toBe(true)
    expect(answers.filter((answer) => answer.body.duplicate)).toHaveLength(90)
    // Jobs run 20 at a time: concurrent handlers for one customer, in the shuffled order.
    await runJobsNow(payload)

    const ids = unique.map((event) => String(event.id))
    const { docs } = await ledgerRows(payload, ids)
    expect(docs).toHaveLength(210)
    // Handled types ran exactly once; the rest were recorded as ignored on arrival and never ran.
    const outcomes = docs.map((row) => `${row.status}:${row.attempts}:${row.reason ?? ''}`)
    const handled = unique.filter((event) => isHandledEventType(String(event.type))).length
    expect(outcomes.filter((outcome) => outcome === 'processed:1:')).toHaveLength(handled)
    expect(outcomes.filter((outcome) => outcome === 'ignored:0:Portico does not act on this event type.')).toHaveLength(210 - handled)
    expect(handled).toBeGreaterThan(150)

    // Handlers re-read Stripe, so the copy equals the emulator's current state, not some event's snapshot.
    const stored = snapshotOfOrganization(await organization(org.id))
    expect(stored).toEqual(await fetchStripeSnapshot(stripe, customerId))
  })

  it('the rest of the history, delivered last-first, still ends on Stripe’s current state', async () => {
    const rest = history.slice(210).reverse()
    for (const event of rest) await deliverWebhook(stripe, event)
    await runJobsNow(payload)
    const stripeState = await fetchStripeSnapshot(stripe, customerId)
    expect(snapshotOfOrganization(await organization(org.id))).toEqual(stripeState)
    expect(stripeState?.details.billingName).toMatch(/^Acme \d+$/)
    expect(stripeState?.details.taxIds.length).toBeGreaterThan(1)
  })

  it('a handler that throws on its first attempt is retried and the state ends correct', async () => {
    const spy = vi.spyOn(stripeEventHandlers, 'customer.updated').mockRejectedValueOnce(new Error('Stripe timed out (injected)'))
    try {
      const before = lastEventId()
      await stripe.customers.update(customerId, { name: 'Acme After Retry' })
      const [event] = eventsOf(customerId, before)
      await deliverWebhook(stripe, event)
      await runJobsNow(payload)
      const [failed] = (await ledgerRows(payload, [String(event.id)])).docs
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Stripe timed out (injected)' })
      expect((await organization(org.id)).billingName).not.toBe('Acme After Retry')

      await skipBackoff(payload)
      await runJobsNow(payload)
      const [processed] = (await ledgerRows(payload, [String(event.id)])).docs
      expect(processed).toMatchObject({ status: 'processed', attempts: 2, lastError: null })
      expect((await organization(org.id)).billingName).toBe('Acme After Retry')
      expect(spy).toHaveBeenCalledTimes(2)
    } finally {
      spy.mockRestore()
    }
  })

  it('staff retry an event with the Retry action in /admin (POST /api/stripe-events/:id/retry); customers cannot', async () => {
    const [row] = (await payload.find({ collection: 'stripe-events', where: { organization: { equals: org.id } }, limit: 1, depth: 0 })).docs
    const http = await payloadHttp(payload)
    const staffToken = await http.login('staff', 'staff@demo.test', 'portico-demo')
    const customerToken = await http.login('users', (await createOrganizationWithEveryRole(payload, 'retry-customer')).members.owner.email, 'test-password-1')
    expect((await http.rest('POST', `stripe-events/${row.id}/retry`, customerToken)).status).toBe(403)
    expect((await http.rest('POST', 'stripe-events/2147483647/retry', staffToken)).status).toBe(404)
    expect((await http.rest('POST', 'stripe-events/not-an-id/retry', staffToken)).status).toBe(404)
    const response = await http.rest('POST', `stripe-events/${row.id}/retry`, staffToken)
    expect(response.status).toBe(200)
    expect((await response.json()).doc).toEqual({ id: row.id, status: 'received' })
    await runJobsNow(payload)
    expect((await payload.findByID({ collection: 'stripe-events', id: row.id, depth: 0 })).status).toBe('processed')
    // The row itself is read-only, in /admin and over REST: only the action changes it.
    expect((await http.rest('PATCH', `stripe-events/${row.id}`, staffToken, { status: 'failed' })).status).toBe(403)
  })

  it('replaying the day’s events changes nothing', async () => {
    const before = await organization(org.id)
    const auditRows = async () => (await payload.count({ collection: 'portal-audit', where: { organization: { equals: org.id } } })).totalDocs
    const auditBefore = await auditRows()
    const startOfDay = new Date()
    startOfDay.setUTCHours(0, 0, 0, 0)
    const summary = await replayStripeEvents(payload, { since: startOfDay, stripe })
    expect(summary.total).toBeGreaterThanOrEqual(history.length)
    expect(summary.failed).toBe(0)
    expect(await organization(org.id)).toEqual(before)
    expect(await auditRows()).toBe(auditBefore)
  })

  it('a customer deleted in Stripe unlinks the organization and drops its plan and card', async () => {
    const other = (await createOrganizationWithEveryRole(payload, 'stripe-deleted')).organization
    const { customerId: doomed } = await linkCustomer(payload, stripe, other.id)
    await stripe.customers.update(doomed, { name: 'Gone GmbH' })
    const before = lastEventId()
    await stripe.paymentMethods.attach('pm_card_visa', { customer: doomed })
    await stripe.customers.del(doomed)
    // Delivered newest first: the deletion lands before the card that came earlier.
    for (const event of eventsOf(doomed, before).reverse()) await deliverWebhook(stripe, event)
    await runJobsNow(payload)
    const stored = await organization(other.id)
    expect(stored.stripeCustomerId ?? null).toBeNull()
    expect(snapshotOfOrganization(stored).paymentMethod.last4).toBeNull()
    const audit = await payload.find({ collection: 'portal-audit', where: { organization: { equals: other.id }, action: { equals: 'billing.customer_deleted' } }, depth: 0 })
    expect(audit.docs[0]).toMatchObject({ actorKind: 'stripe', actorLabel: 'Stripe' })
  })
})

describe('invoice.payment_failed: told only while Stripe still says unpaid', () => {
  it('announces a failed charge once; a stale failure delivered after the invoice was paid announces nothing', async () => {
    const org = (await createOrganizationWithEveryRole(payload, 'stale-failure')).organization
    const { customerId } = await linkCustomer(payload, stripe, org.id)
    const card = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customerId })
    await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: card.id } })
    const failures = async () =>
      (await payload.find({ collection: 'portal-audit', where: { organization: { equals: org.id }, action: { equals: 'billing.payment_failed' } }, depth: 0, overrideAccess: true })).docs

    const failOnce = async (description: string) => {
      const invoice = await stripe.invoices.create({ customer: customerId, description, auto_advance: false })
      await stripe.invoiceItems.create({ customer: customerId, invoice: invoice.id, amount: 2_500, currency: 'usd', description })
      await stripe.invoices.finalizeInvoice(invoice.id!)
      const before = lastEventId()
      await stripe.invoices.pay(invoice.id!).catch(() => null)
      const failed = eventsOf(customerId, before).find((candidate) => candidate.type === 'invoice.payment_failed')
      expect(failed).toBeDefined()
      return { invoiceId: invoice.id!, failed: failed! }
    }

    const unpaid = await failOnce('Still unpaid')
    expect((await deliverWebhook(stripe, unpaid.failed)).status).toBe(200)
    await runJobsNow(payload)
    expect((await failures()).map((row) => row.entityId)).toEqual([unpaid.invoiceId])

    const settled = await failOnce('Paid by bank transfer later')
    await stripe.invoices.pay(settled.invoiceId, { paid_out_of_band: true })
    expect((await deliverWebhook(stripe, settled.failed)).status).toBe(200)
    await runJobsNow(payload)
    expect((await failures()).map((row) => row.entityId)).toEqual([unpaid.invoiceId])
  })
})
