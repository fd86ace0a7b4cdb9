import type { Payload } from 'payload'
import type Stripe from 'stripe'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { GET as exportGET } from '../../src/app/(portal)/api/account/usage/export.csv/route'
import { GET as usageGET } from '../../src/app/(portal)/api/account/usage/route'
import { meteringSourceName } from '../../src/metering/metering-source-from-env'
import { postgresMeteringSource } from '../../src/metering/postgres-metering-source'
import { recordUsage } from '../../src/metering/record-usage'
import { stripeMetersMeteringSource } from '../../src/metering/stripe-meters-metering-source'
import { billingPeriod } from '../../src/metering/usage-overview'
import { routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { linkCustomer, startStripeForApp } from '../helpers/stripe'

/**
 * The `stripe-meters` source against the emulator: the same events sent to Stripe Billing Meters
 * (meter events) and to the portal's table (recordUsage) read back the same through both sources —
 * hours, days in two zones, the period — and the route answers from Stripe when METERING_SOURCE
 * says so. Events sit in the last days before the real clock (Stripe takes 35 days back at most).
 */
const HOUR_MS = 3_600_000
let payload: Payload
let stripe: Stripe
let emulator: Awaited<ReturnType<typeof startStripeForApp>>['emulator']
let org: TestOrganization
const now = new Date()
const hourNow = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS

beforeAll(async () => {
  ;({ emulator, stripe } = await startStripeForApp())
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'stripe-meters')
  await linkCustomer(payload, stripe, org.organization.id)
  const meters = await stripe.billing.meters.list({ status: 'active' })
  if (!meters.data.some((meter) => meter.event_name === 'api_calls')) {
    await stripe.billing.meters.create({ display_name: 'API calls', event_name: 'api_calls', default_aggregation: { formula: 'sum' }, customer_mapping: { type: 'by_id', event_payload_key: 'stripe_customer_id' }, value_settings: { event_payload_key: 'value' } })
  }
  const stripeCustomerId = (await payload.findByID({ collection: 'organizations', id: org.organization.id, overrideAccess: true })).stripeCustomerId!
  // Deterministic scatter over the last 9 days: some hours busy, some empty, quantities whole.
  const events = Array.from({ length: 120 }, (_, i) => ({ at: new Date(hourNow - ((i * 37) % 216) * HOUR_MS - ((i * 13) % 60) * 60_000 - 1_000), quantity: 1 + ((i * 7) % 19), key: `sm-${i}` }))
  await recordUsage(payload, events.map((event) => ({ organizationId: org.organization.id, metric: 'api_calls', quantity: event.quantity, occurredAt: event.at.toISOString(), idempotencyKey: event.key })), { now })
  for (const event of events) {
    await stripe.billing.meterEvents.create({ event_name: 'api_calls', identifier: event.key, timestamp: Math.floor(event.at.getTime() / 1000), payload: { stripe_customer_id: stripeCustomerId, value: String(event.quantity) } })
  }
})

afterEach(() => {
  delete process.env.METERING_SOURCE
})
afterAll(async () => {
  await emulator?.stop()
})

describe('the stripe-meters MeteringSource', () => {
  it('reads the same hours, days (UTC and Berlin) and totals as the postgres source', async () => {
    const fromStripe = stripeMetersMeteringSource(payload, stripe)
    const fromPostgres = postgresMeteringSource(payload)
    const range = { organizationId: org.organization.id, metric: 'api_calls' as const, from: new Date(hourNow - 10 * 24 * HOUR_MS), to: new Date(hourNow + HOUR_MS) }
    for (const query of [
      { ...range, granularity: 'hour' as const, timeZone: 'UTC' },
      { ...range, granularity: 'day' as const, timeZone: 'UTC', from: new Date(Math.floor(range.from.getTime() / 86_400_000) * 86_400_000), to: new Date(Math.ceil(range.to.getTime() / 86_400_000) * 86_400_000) },
      { ...range, granularity: 'day' as const, timeZone: 'Europe/Berlin' },
      { ...range, granularity: 'month' as const, timeZone: 'America/New_York' },
    ]) {
      const [a, b] = [await fromStripe.series(query), await fromPostgres.series(query)]
      expect(a.map((point) => [point.label, point.quantity])).toEqual(b.map((point) => [point.label, point.quantity]))
    }
    const total = await fromPostgres.total(range)
    expect(total).toBeGreaterThan(0)
    expect(await fromStripe.total(range)).toBe(total)
  })

  it('answers GET /api/account/usage from Stripe when METERING_SOURCE=stripe-meters, and refuses a raw export (422) before streaming', async () => {
    const call = routeCaller(payload)
    const fromPostgres = await call(usageGET, org.members.viewer, '/api/account/usage?metric=api_calls&tz=UTC')
    process.env.METERING_SOURCE = 'stripe-meters'
    expect(meteringSourceName()).toBe('stripe-meters')
    const fromStripe = await call(usageGET, org.members.viewer, '/api/account/usage?metric=api_calls&tz=UTC')
    expect(fromStripe.status).toBe(200)
    expect(fromStripe.body.data.period.quantity).toBe(fromPostgres.body.data.period.quantity)
    expect(fromStripe.body.data.last30).toEqual(fromPostgres.body.data.last30)
    expect(fromStripe.body.data.period.start).toBe(billingPeriod(new Date()).start.toISOString())
    const raw = await call(exportGET, org.members.viewer, '/api/account/usage/export.csv?metric=api_calls&from=2026-01-01&to=2026-01-31&granularity=raw')
    expect(raw.status).toBe(422)
    expect(raw.body.error?.fields).toHaveProperty('granularity')
    process.env.METERING_SOURCE = 'clickhouse'
    expect(() => meteringSourceName()).toThrow(/METERING_SOURCE/)
  })

  it('the emulator refuses meter events Stripe refuses', async () => {
    const customer = (await payload.findByID({ collection: 'organizations', id: org.organization.id, overrideAccess: true })).stripeCustomerId!
    const send = (extra: Record<string, unknown>) =>
      stripe.billing.meterEvents.create({ event_name: 'api_calls', payload: { stripe_customer_id: customer, value: '1' }, ...extra } as Stripe.Billing.MeterEventCreateParams).then(
        () => null,
        (error: Stripe.errors.StripeError) => ({ status: error.statusCode, param: error.param }),
      )
    expect(await send({ timestamp: Math.floor(now.getTime() / 1000) - 36 * 86_400 })).toEqual({ status: 400, param: 'timestamp' })
    expect(await send({ timestamp: Math.floor(now.getTime() / 1000) + 3_600 })).toEqual({ status: 400, param: 'timestamp' })
    expect(await send({ payload: { stripe_customer_id: customer, value: 'lots' } })).toEqual({ status: 400, param: 'payload[value]' })
    expect(await send({ identifier: 'sm-1' })).toMatchObject({ status: 400, param: 'identifier' })
    expect(await send({ identifier: 'x'.repeat(101) })).toEqual({ status: 400, param: 'identifier' })
  })
})
