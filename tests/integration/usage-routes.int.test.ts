import { parse } from 'csv-parse/sync'
import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { GET as exportGET } from '../../src/app/(portal)/api/account/usage/export.csv/route'
import { GET as usageGET } from '../../src/app/(portal)/api/account/usage/route'
import { POST as createKeyPOST } from '../../src/app/(portal)/api/api-keys/route'
import { POST as ingestPOST } from '../../src/app/(portal)/api/metering/events/route'
import { recordUsage } from '../../src/metering/record-usage'
import { billingPeriod, pickablePeriods } from '../../src/metering/usage-overview'
import { seedDemoUsage } from '../../scripts/demo/seed-demo-usage'
import { postgresMeteringSource } from '../../src/metering/postgres-metering-source'
import { routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'

/**
 * The usage routes end to end in-process: ingestion over HTTP with the server token, the JSON
 * the page reads, the CSV export parsed back, and organization B's usage (distinctive quantities
 * and keys) never reaching A by any of them. Events sit relative to the real clock (the routes read it).
 */
const DAY_MS = 86_400_000
let payload: Payload
let a: TestOrganization
let b: TestOrganization
let call: ReturnType<typeof routeCaller>
const now = new Date()
const period = billingPeriod(now)
/** Inside the current period whatever time of day the test runs. */
const inPeriod = new Date(period.start.getTime() + (now.getTime() - period.start.getTime()) / 2)
const aDaily = [120, 80, 300, 45, 5]

beforeAll(async () => {
  payload = await testPayload()
  a = await createOrganizationWithEveryRole(payload, 'usage-a')
  b = await createOrganizationWithEveryRole(payload, 'usage-b')
  call = routeCaller(payload)
  const earlier = aDaily.map((quantity, i) => ({ organizationId: a.organization.id, metric: 'api_calls', quantity, occurredAt: new Date(now.getTime() - (i + 2) * DAY_MS).toISOString(), idempotencyKey: `a-day-${i}`, dimensions: { endpoint: '/v1/orders' } }))
  await recordUsage(payload, [
    ...earlier,
    { organizationId: a.organization.id, metric: 'api_calls', quantity: 12_400, occurredAt: inPeriod.toISOString(), idempotencyKey: 'a-period', dimensions: { endpoint: '/v1/search' } },
    { organizationId: b.organization.id, metric: 'api_calls', quantity: 777_777, occurredAt: inPeriod.toISOString(), idempotencyKey: 'b-secret-1', dimensions: { endpoint: '/b-secret-endpoint' } },
    { organizationId: b.organization.id, metric: 'api_calls', quantity: 777_777, occurredAt: new Date(now.getTime() - 3 * DAY_MS).toISOString(), idempotencyKey: 'b-secret-2' },
  ])
})

afterEach(() => {
  delete process.env.METERING_INGEST_TOKEN
})

const ingest = (body: unknown, authorization?: string) =>
  ingestPOST(new Request('http://localhost/api/metering/events', { method: 'POST', headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) }, body: JSON.stringify(body) }))

describe('POST /api/metering/events', () => {
  const event = (organizationId: number, key: string, extra: Record<string, unknown> = {}) => ({ organizationId, metric: 'compute_minutes', quantity: 2.5, occurredAt: new Date(now.getTime() - 60_000).toISOString(), idempotencyKey: key, ...extra })

  it('is off (503) without METERING_INGEST_TOKEN, and refuses a wrong or missing token (401)', async () => {
    expect((await ingest({ events: [event(a.organization.id, 'x')] }, 'Bearer anything')).status).toBe(503)
    process.env.METERING_INGEST_TOKEN = 'ingest-token-for-tests'
    expect((await ingest({ events: [event(a.organization.id, 'x')] }, 'Bearer wrong')).status).toBe(401)
    expect((await ingest({ events: [event(a.organization.id, 'x')] })).status).toBe(401)
  })

  it('records a batch, ignores it resent, and refuses a batch with a bad event whole (422 by index)', async () => {
    process.env.METERING_INGEST_TOKEN = 'ingest-token-for-tests'
    const auth = 'Bearer ingest-token-for-tests'
    const org = await createOrganizationWithEveryRole(payload, 'ingest')
    const batch = [event(org.organization.id, 'h-1'), event(org.organization.id, 'h-2', { dimensions: { project: 'etl' } })]
    const first = await ingest({ events: batch }, auth)
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ success: true, data: { accepted: 2, duplicates: 0 } })
    expect(await (await ingest({ events: batch }, auth)).json()).toEqual({ success: true, data: { accepted: 0, duplicates: 2 } })

    const bad = await ingest({ events: [event(org.organization.id, 'h-3'), event(org.organization.id, 'h-4', { metric: 'nope' }), event(org.organization.id, 'h-5', { quantity: -1 })] }, auth)
    expect(bad.status).toBe(422)
    const refusal = await bad.json()
    expect(refusal.success).toBe(false)
    expect(Object.keys(refusal.error.fields).sort()).toEqual(['events.1.metric', 'events.2.quantity'])
    const total = await postgresMeteringSource(payload).total({ organizationId: org.organization.id, metric: 'compute_minutes', from: new Date(now.getTime() - DAY_MS), to: new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000) })
    expect(total).toBe(5)

    const malformed = await ingestPOST(new Request('http://localhost/api/metering/events', { method: 'POST', headers: { Authorization: auth }, body: '{not json' }))
    expect(malformed.status).toBe(422)
    expect((await ingest({ events: Array.from({ length: 1_001 }, (_, i) => event(org.organization.id, `big-${i}`)) }, auth)).status).toBe(422)
  })
  it('takes an API key with scope usage:write, for its own organization only; a key without the scope is 403', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'ingest-key')
    const issue = async (scopes: string[]) => {
      const created = await call(createKeyPOST, org.members.admin, '/api/api-keys', { method: 'POST', body: { name: `ingest ${scopes.join(' ')}`, scopes, environment: 'live', expiresAt: new Date(now.getTime() + 30 * DAY_MS).toISOString() } })
      expect(created.status).toBe(200)
      return `Bearer ${created.body.data.secret as string}`
    }
    const writer = await issue(['usage:write'])
    // No server token configured: the key alone is enough.
    expect(await (await ingest({ events: [event(org.organization.id, 'k-1')] }, writer)).json()).toEqual({ success: true, data: { accepted: 1, duplicates: 0 } })
    const other = await ingest({ events: [event(org.organization.id, 'k-2'), event(b.organization.id, 'k-3')] }, writer)
    expect(other.status).toBe(422)
    expect(Object.keys((await other.json()).error.fields)).toEqual(['events.1.organizationId'])
    expect((await ingest({ events: [event(org.organization.id, 'k-4')] }, await issue(['usage:read']))).status).toBe(403)
    expect((await ingest({ events: [event(org.organization.id, 'k-5')] }, 'Bearer pk_live_notarealkey0000000000000000000000000000')).status).toBe(401)
  })
})

describe('GET /api/account/usage and export.csv', () => {
  it('answers the issue’s shape with A’s numbers: 30 days, 12 months, the period and its charge by the price rules', async () => {
    const result = await call(usageGET, a.members.viewer, '/api/account/usage?metric=api_calls')
    expect(result.status).toBe(200)
    const data = result.body.data
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['last30', 'last12Months', 'period', 'forecastNextMonth', 'asOf']))
    expect(data.last30).toHaveLength(30)
    expect(data.last12Months).toHaveLength(12)
    const sum = (points: { quantity: number }[]) => points.reduce((total, point) => total + point.quantity, 0)
    expect(sum(data.last30)).toBe(12_400 + aDaily.reduce((x, y) => x + y, 0))
    expect(sum(data.last12Months)).toBe(sum(data.last30))
    expect(data.period).toMatchObject({ start: period.start.toISOString(), end: period.end.toISOString(), included: 10_000, currency: 'usd' })
    // Whatever of the earlier days fell in this month counts too (none on the 1st to the 3rd).
    const periodQuantity = 12_400 + aDaily.filter((_, i) => now.getTime() - (i + 2) * DAY_MS >= period.start.getTime()).reduce((x, y) => x + y, 0)
    expect(data.period.quantity).toBe(periodQuantity)
    const cents = Math.round((periodQuantity - 10_000) * 0.2)
    expect(data.period.estimatedCharge).toBe(cents)
    expect(data.period.explanation).toBe(`${periodQuantity.toLocaleString('en-US')} calls × $0.002 after 10,000 included = $${(cents / 100).toFixed(2)}`)
    expect(data.breakdown.dimension).toBe('endpoint')
    expect(data.breakdown.rows[0]).toEqual({ value: '/v1/search', quantity: 12_400 })
    expect(data.forecastNextMonth).toEqual({ value: expect.any(Number), low: expect.any(Number), high: expect.any(Number), method: expect.stringContaining('Weekday-aware') })
    expect(Date.parse(data.asOf)).toBeGreaterThan(0)
  })

  it('the CSV parses back to the numbers the chart shows, by day, by hour and as raw events', async () => {
    const tz = 'America/New_York'
    const { body } = await call(usageGET, a.members.member, `/api/account/usage?metric=api_calls&tz=${encodeURIComponent(tz)}`)
    const last30 = body.data.last30 as { label: string; quantity: number; start: string }[]
    const range = `metric=api_calls&tz=${encodeURIComponent(tz)}&from=${last30[0]!.label}&to=${last30.at(-1)!.label}`
    const daily = await call(exportGET, a.members.member, `/api/account/usage/export.csv?${range}&granularity=day`)
    expect(daily.status).toBe(200)
    expect(daily.headers.get('content-type')).toContain('text/csv')
    expect(daily.headers.get('content-disposition')).toBe(`attachment; filename="usage-api_calls-${last30[0]!.label}-to-${last30.at(-1)!.label}-day.csv"`)
    const dayRows = parse(daily.bytes!.toString('utf8'), { columns: true }) as Record<string, string>[]
    expect(dayRows.map((row) => [row.period, row.period_start, Number(row.quantity)])).toEqual(last30.map((point) => [point.label, point.start, point.quantity]))

    const hourly = parse((await call(exportGET, a.members.member, `/api/account/usage/export.csv?${range}&granularity=hour`)).bytes!.toString('utf8'), { columns: true }) as Record<string, string>[]
    // One row per hour of the 30 local days: 720, or one fewer or more across a DST change.
    expect(Math.abs(hourly.length - 30 * 24)).toBeLessThanOrEqual(1)
    expect(hourly.reduce((total, row) => total + Number(row.quantity), 0)).toBe(last30.reduce((total, point) => total + point.quantity, 0))

    const raw = parse((await call(exportGET, a.members.member, `/api/account/usage/export.csv?${range}&granularity=raw`)).bytes!.toString('utf8'), { columns: true }) as Record<string, string>[]
    expect(raw.map((row) => row.idempotency_key).sort()).toEqual(['a-day-0', 'a-day-1', 'a-day-2', 'a-day-3', 'a-day-4', 'a-period'])
    expect(raw.reduce((total, row) => total + Number(row.quantity), 0)).toBe(last30.reduce((total, point) => total + point.quantity, 0))
    expect(JSON.parse(raw.find((row) => row.idempotency_key === 'a-period')!.dimensions)).toEqual({ endpoint: '/v1/search' })
  })

  it('refuses a bad query with field errors (422), writing nothing', async () => {
    const bad = await call(exportGET, a.members.owner, '/api/account/usage/export.csv?metric=gpu&from=2026-02-30&to=2026-01-01&granularity=week')
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.error!.fields!).sort()).toEqual(['from', 'granularity', 'metric'])
    expect((await call(usageGET, a.members.owner, '/api/account/usage?tz=Mars/Olympus')).body.error!.fields).toHaveProperty('tz')
    expect((await call(exportGET, a.members.owner, '/api/account/usage/export.csv?from=2025-01-01&to=2026-12-31')).body.error!.fields).toHaveProperty('to')
  })

  it('a past billing period by ?period=YYYY-MM: its total, closed; a period off the list is 422', async () => {
    const periods = pickablePeriods(now)
    const last = await call(usageGET, a.members.viewer, `/api/account/usage?metric=api_calls&tz=UTC&period=${periods[1]}`)
    expect(last.status).toBe(200)
    const start = new Date(`${periods[1]}-01T00:00:00Z`)
    expect(last.body.data.period).toMatchObject({ start: start.toISOString(), end: billingPeriod(start).end.toISOString(), closed: true })
    const expected = aDaily.filter((_, i) => new Date(now.getTime() - (i + 2) * DAY_MS) >= start && new Date(now.getTime() - (i + 2) * DAY_MS) < billingPeriod(start).end).reduce((sum, quantity) => sum + quantity, 0)
    expect(last.body.data.period.quantity).toBe(expected)
    expect((await call(usageGET, a.members.viewer, `/api/account/usage?metric=api_calls&period=${periods[0]}`)).body.data.period).toMatchObject({ closed: false, quantity: 12_400 + aDaily.filter((_, i) => new Date(now.getTime() - (i + 2) * DAY_MS) >= period.start).reduce((sum, q) => sum + q, 0) })
    for (const bad of ['2020-01', '2026-13', 'last']) {
      const refused = await call(usageGET, a.members.viewer, `/api/account/usage?metric=api_calls&period=${bad}`)
      expect(refused.status).toBe(422)
      expect(refused.body.error!.fields).toHaveProperty('period')
    }
  })

  it('cross-tenant: no member of A sees B’s usage in the JSON or any CSV, even with B’s organization cookie', async () => {
    for (const member of Object.values(a.members)) {
      for (const options of [{}, { organizationId: b.organization.id }]) {
        const json = await call(usageGET, member, '/api/account/usage?metric=api_calls', options)
        expect(json.status).toBe(200)
        expect(JSON.stringify(json.body)).not.toMatch(/777777|777,777|b-secret/)
        expect(json.body.data.period.quantity).toBeLessThan(777_777)
        for (const granularity of ['day', 'hour', 'raw']) {
          const csv = await call(exportGET, member, `/api/account/usage/export.csv?metric=api_calls&from=${new Date(now.getTime() - 40 * DAY_MS).toISOString().slice(0, 10)}&to=${now.toISOString().slice(0, 10)}&granularity=${granularity}`, options)
          expect(csv.status).toBe(200)
          expect(csv.body.text).not.toMatch(/777777|b-secret/)
        }
      }
    }
    // B itself sees its own.
    expect((await call(usageGET, b.members.viewer, '/api/account/usage?metric=api_calls')).body.data.period.quantity).toBe(777_777)
  })
})

describe('the demo seed', () => {
  it('gave Demo Co 13 months of usage through recordUsage, and a re-run adds nothing', async () => {
    const demo = (await payload.find({ collection: 'organizations', where: { name: { equals: 'Demo Co' } }, limit: 1 })).docs[0]!
    const months = await postgresMeteringSource(payload).series({
      organizationId: demo.id,
      metric: 'api_calls',
      timeZone: 'UTC',
      granularity: 'month',
      from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1)),
      to: period.end,
    })
    expect(months).toHaveLength(13)
    expect(months.every((month) => month.quantity > 0)).toBe(true)
    // Growth: the latest full month is well above the first.
    expect(months.at(-2)!.quantity).toBeGreaterThan(months[0]!.quantity * 1.5)
    const started = performance.now()
    expect(await seedDemoUsage(payload, { now })).toEqual({ accepted: 0 })
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})
