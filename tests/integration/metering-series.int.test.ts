import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import fc from 'fast-check'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { PortalError } from '../../src/lib/api/portal-error'
import type { MetricId } from '../../src/metering/metric-catalog'
import { postgresMeteringSource } from '../../src/metering/postgres-metering-source'
import { recordUsage } from '../../src/metering/record-usage'
import { zonedMidnight } from '../../src/metering/zoned-time'
import { testPayload } from '../helpers/payload'

/**
 * The postgres metering source against a brute-force reading of the same events: random events
 * (thousandths, so sums are exact integers), sent in two batches with repeated idempotency keys and
 * the second batch reaching back in time, over windows that hold DST changes (US 8 Mar / 1 Nov, EU
 * 29 Mar / 25 Oct 2026) and month ends, in zones with whole-hour offsets (rollups) and half-hour
 * ones (raw events). Day and month buckets and totals read the daily rollup corrected by hourly rows
 * at their edges, so those are checked too, with ranges cut mid-day. Expected buckets come from
 * Intl's calendar for each event, not from our code.
 */
const NOW = new Date('2027-06-01T00:00:00Z')
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe'] as const
const WINDOWS = ['2026-02-20T00:00:00Z', '2026-10-10T00:00:00Z', '2026-12-15T00:00:00Z'] as const
const SPAN_DAYS = 45
const DAY_MS = 86_400_000

let payload: Payload
const source = () => postgresMeteringSource(payload)

beforeAll(async () => {
  payload = await testPayload()
})

const newOrganization = async (label: string) => (await payload.create({ collection: 'organizations', data: { name: `Metering ${label} ${Math.random().toString(36).slice(2, 10)}`, billingMode: 'stripe' } })).id

const localDay = (instant: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)

async function rowCounts(organizationId: number) {
  const db = (payload.db as unknown as PostgresAdapter).drizzle
  const { rows } = await db.execute(sql`SELECT (SELECT count(*) FROM metering_events WHERE organization_id = ${organizationId})::int AS events, (SELECT count(*) FROM metering_hourly WHERE organization_id = ${organizationId})::int AS hours,
    (SELECT coalesce(sum(event_count), 0) FROM metering_hourly WHERE organization_id = ${organizationId})::int AS "hourlyEvents",
    (SELECT coalesce(sum(event_count), 0) FROM metering_daily WHERE organization_id = ${organizationId})::int AS "dailyEvents"`)
  return rows[0] as { events: number; hours: number; hourlyEvents: number; dailyEvents: number }
}

const event = fc.record({
  minute: fc.integer({ min: 0, max: SPAN_DAYS * 1_440 - 1 }),
  second: fc.integer({ min: 0, max: 59 }),
  thousandths: fc.integer({ min: 0, max: 5_000_000 }),
  key: fc.integer({ min: 0, max: 30 }),
  metric: fc.constantFrom<MetricId>('api_calls', 'compute_minutes'),
})

describe('postgres metering source: series, totals and export match a brute-force count', () => {
  it('daily, monthly and hourly series, the total and the raw export', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ZONES), fc.constantFrom(...WINDOWS), fc.array(event, { minLength: 1, maxLength: 60 }), fc.array(event, { maxLength: 30 }), async (timeZone, window, first, late) => {
        const organizationId = await newOrganization('series')
        const start = Date.parse(window)
        const toEvent = (e: (typeof first)[number]) => ({
          organizationId,
          metric: e.metric,
          quantity: e.thousandths / 1_000,
          occurredAt: new Date(start + e.minute * 60_000 + e.second * 1_000).toISOString(),
          idempotencyKey: `k-${e.key}`,
          dimensions: { endpoint: `/v${e.key % 3}` },
        })
        // The second batch reports events from before the first batch's earliest: late arrivals.
        const earliest = Math.min(...first.map((e) => e.minute))
        const lateEvents = late.map((e) => ({ ...e, minute: Math.floor((e.minute * earliest) / (SPAN_DAYS * 1_440)) }))
        const batches = [first.map(toEvent), lateEvents.map(toEvent)]
        for (const batch of batches) if (batch.length) await recordUsage(payload, batch, { now: NOW })

        // Brute force: the first event sent with each key counts, the rest are duplicates.
        const kept = new Map<string, ReturnType<typeof toEvent>>()
        for (const e of batches.flat()) if (!kept.has(e.idempotencyKey)) kept.set(e.idempotencyKey, e)
        const from = zonedMidnight({ year: 2026, month: new Date(start).getUTCMonth() + 1, day: 1 }, timeZone)
        const to = zonedMidnight({ year: 2026, month: new Date(start).getUTCMonth() + 4, day: 1 }, timeZone)
        for (const metric of ['api_calls', 'compute_minutes'] as const) {
          const events = [...kept.values()].filter((e) => e.metric === metric)
          const expected = (bucket: (instant: Date) => string) => {
            const sums = new Map<string, number>()
            for (const e of events) sums.set(bucket(new Date(e.occurredAt)), (sums.get(bucket(new Date(e.occurredAt))) ?? 0) + Math.round(e.quantity * 1_000))
            return new Map([...sums].filter(([, sum]) => sum > 0))
          }
          const asMap = (points: { label: string; quantity: number }[]) => new Map(points.filter((p) => p.quantity > 0).map((p) => [p.label, Math.round(p.quantity * 1_000)]))

          const days = await source().series({ organizationId, metric, timeZone, granularity: 'day', from, to })
          expect(asMap(days)).toEqual(expected((instant) => localDay(instant, timeZone)))
          // Every calendar day of the three months is a bucket, once: 23- and 25-hour days included.
          expect(new Set(days.map((p) => p.label)).size).toBe(days.length)
          expect(days[0]!.label).toBe(localDay(from, timeZone))
          expect(days.at(-1)!.label).toBe(localDay(new Date(to.getTime() - 1), timeZone))

          const months = await source().series({ organizationId, metric, timeZone, granularity: 'month', from, to })
          expect(months).toHaveLength(3)
          expect(asMap(months)).toEqual(expected((instant) => localDay(instant, timeZone).slice(0, 7)))

          const hourFrom = new Date(start)
          const hourTo = new Date(start + SPAN_DAYS * DAY_MS)
          const hours = await source().series({ organizationId, metric, timeZone, granularity: 'hour', from: hourFrom, to: hourTo })
          expect(hours).toHaveLength(SPAN_DAYS * 24)
          expect(new Map(hours.filter((p) => p.quantity > 0).map((p) => [p.start, Math.round(p.quantity * 1_000)]))).toEqual(
            expected((instant) => new Date(Math.floor(instant.getTime() / 3_600_000) * 3_600_000).toISOString()),
          )

          const total = await source().total({ organizationId, metric, from: hourFrom, to: hourTo })
          expect(Math.round(total * 1_000)).toBe(events.reduce((sum, e) => sum + Math.round(e.quantity * 1_000), 0))

          // Ranges cut mid-day: whole UTC days plus the hourly rows added at one edge (15 h in, 17 h
          // short) or subtracted at it (7 h in, 5 h short), against the events in that range.
          for (const [inHours, shortHours] of [[7, 5], [15, 17], [0, 13]] as const) {
            const cutFrom = hourFrom.getTime() + inHours * 3_600_000
            const cutTo = hourTo.getTime() - shortHours * 3_600_000
            const inRange = events.filter((e) => Date.parse(e.occurredAt) >= cutFrom && Date.parse(e.occurredAt) < cutTo)
            const cut = await source().total({ organizationId, metric, from: new Date(cutFrom), to: new Date(cutTo) })
            expect(Math.round(cut * 1_000)).toBe(inRange.reduce((sum, e) => sum + Math.round(e.quantity * 1_000), 0))
          }

          // By a dimension: the metric's catalog one reads the daily rollup, the other the raw events.
          for (const dimension of ['endpoint', 'project']) {
            const rows = await source().breakdown({ organizationId, metric, dimension, from: hourFrom, to: hourTo, limit: 100 })
            const sums = new Map<string | null, number>()
            for (const e of events) sums.set((e.dimensions as Record<string, string>)[dimension] ?? null, (sums.get((e.dimensions as Record<string, string>)[dimension] ?? null) ?? 0) + Math.round(e.quantity * 1_000))
            expect(new Map(rows.map((row) => [row.value, Math.round(row.quantity * 1_000)]))).toEqual(sums)
          }

          const exported = []
          for await (const row of source().exportRaw({ organizationId, metric, from: hourFrom, to: hourTo })) exported.push(row)
          expect(exported.map((row) => row.idempotencyKey).sort()).toEqual(events.map((e) => e.idempotencyKey).sort())
          expect(exported.map((row) => row.occurredAt)).toEqual([...exported.map((row) => row.occurredAt)].sort())
        }
        // The rollups hold exactly the kept events: one statement wrote them all.
        const counts = await rowCounts(organizationId)
        expect(counts.events).toBe(kept.size)
        expect(counts.hourlyEvents).toBe(kept.size)
        expect(counts.dailyEvents).toBe(kept.size)
      }),
      { numRuns: 30 },
    )
  })

  it('a breakdown by one dimension sums the period per value, from the rollup and from the events alike', async () => {
    const organizationId = await newOrganization('breakdown')
    const at = '2026-12-02T10:00:00Z'
    await recordUsage(payload, [
      { organizationId, metric: 'api_calls', quantity: 5, occurredAt: at, idempotencyKey: 'a', dimensions: { endpoint: '/v1/orders' } },
      { organizationId, metric: 'api_calls', quantity: 7, occurredAt: at, idempotencyKey: 'b', dimensions: { endpoint: '/v1/orders' } },
      { organizationId, metric: 'api_calls', quantity: 3, occurredAt: at, idempotencyKey: 'c', dimensions: { endpoint: '/v1/search' } },
      { organizationId, metric: 'api_calls', quantity: 1, occurredAt: at, idempotencyKey: 'd' },
    ], { now: NOW })
    expect(await source().breakdown({ organizationId, metric: 'api_calls', dimension: 'endpoint', from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z'), limit: 10 })).toEqual([
      { value: '/v1/orders', quantity: 12 },
      { value: '/v1/search', quantity: 3 },
      { value: null, quantity: 1 },
    ])
    // Not whole UTC days: read from the events, same answer.
    expect(await source().breakdown({ organizationId, metric: 'api_calls', dimension: 'endpoint', from: new Date('2026-12-02T09:30:00Z'), to: new Date('2026-12-02T10:30:00Z'), limit: 10 })).toEqual([
      { value: '/v1/orders', quantity: 12 },
      { value: '/v1/search', quantity: 3 },
      { value: null, quantity: 1 },
    ])
  })
})

describe('recordUsage refuses a batch with bad events, naming each by index, and writes none of it', () => {
  it('unknown metric, negative quantity, beyond the future skew, missing key → 422 with one field per bad event', async () => {
    const organizationId = await newOrganization('refused')
    const good = (index: number, extra: Record<string, unknown> = {}) => ({ organizationId, metric: 'api_calls', quantity: 1, occurredAt: '2026-12-31T12:00:00Z', idempotencyKey: `ok-${index}`, ...extra })
    const batch = [
      good(0),
      good(1, { metric: 'gpu_hours' }),
      good(2),
      good(3, { quantity: -4 }),
      good(4, { occurredAt: new Date(NOW.getTime() + 6 * 60_000).toISOString() }),
      good(5, { occurredAt: new Date(NOW.getTime() + 4 * 60_000).toISOString() }), // within the 5-minute skew: fine
      (({ idempotencyKey: _, ...rest }) => rest)(good(6)),
      good(7, { quantity: Number.POSITIVE_INFINITY }),
      good(8, { organizationId: 2_000_000_000 }),
    ]
    const refusal = await recordUsage(payload, batch, { now: NOW }).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(PortalError)
    expect((refusal as PortalError).status).toBe(422)
    expect(Object.keys((refusal as PortalError).fields ?? {}).sort()).toEqual(['events.1.metric', 'events.3.quantity', 'events.4.occurredAt', 'events.6.idempotencyKey', 'events.7.quantity', 'events.8.organizationId'])
    expect((refusal as PortalError).message).toContain('6 event(s)')
    expect(await rowCounts(organizationId)).toEqual({ events: 0, hours: 0, hourlyEvents: 0, dailyEvents: 0 })

    // The same batch without the bad ones is taken whole; resent, every event is a duplicate.
    const clean = batch.filter((_, index) => [0, 2, 5].includes(index))
    expect(await recordUsage(payload, clean, { now: NOW })).toEqual({ accepted: 3, duplicates: 0 })
    expect(await recordUsage(payload, clean, { now: NOW })).toEqual({ accepted: 0, duplicates: 3 })
    expect(await rowCounts(organizationId)).toEqual({ events: 3, hours: 2, hourlyEvents: 3, dailyEvents: 3 })
  })

  it('an empty or oversized batch is refused as a whole', async () => {
    await expect(recordUsage(payload, [], { now: NOW })).rejects.toMatchObject({ status: 422, fields: { events: expect.any(String) } })
    await expect(recordUsage(payload, Array.from({ length: 1_001 }, () => ({})), { now: NOW })).rejects.toMatchObject({ status: 422, fields: { events: expect.any(String) } })
  })
})
