import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { requestDb } from '../lib/transaction-db'
import type { MeteringSource, RawUsageEvent, SeriesPoint, SeriesQuery } from './metering-source'
import { metricDefinition } from './metric-catalog'
import { hasWholeHourOffsets } from './zoned-time'

const HOUR_MS = 3_600_000
const EXPORT_PAGE = 5_000

const LABEL_FORMAT = { hour: 'YYYY-MM-DD"T"HH24:MI', day: 'YYYY-MM-DD', month: 'YYYY-MM' } as const

// Rollup rows where they answer exactly; the raw events (same shape, one row per event) otherwise.
const ROLLUP = { table: sql.raw('"metering_hourly"'), at: sql.raw('"hour"') }
const RAW = { table: sql.raw('"metering_events"'), at: sql.raw('"occurred_at"') }

const iso = (date: Date) => date.toISOString()

/**
 * CTEs `edges` and `totals` (key, quantity) for the spans in a preceding CTE `spans` (key, s, e):
 * each span [s, e) — whole hours — summed as the UTC days between the UTC midnights nearest its
 * edges (rs, re), plus the hourly rows from s up to rs when rs is later, minus those from rs up to s
 * when rs is earlier, and the same at the end. Exact (the hourly and daily rollups hold the same
 * events) and at most 12 hourly rows an edge, so a year of months reads ~400 rows, not ~8,800.
 */
const composedTotals = (organizationId: number, metric: string) => sql`
  edges AS (
    SELECT key, s, e, date_trunc('day', s + interval '12 hours', 'UTC') AS rs, date_trunc('day', e + interval '12 hours', 'UTC') AS re FROM spans
  ), parts AS (
    SELECT g.key, d.quantity FROM edges g JOIN metering_daily d
      ON d.organization_id = ${organizationId} AND d.metric = ${metric} AND d.day >= (g.rs AT TIME ZONE 'UTC')::date AND d.day < (g.re AT TIME ZONE 'UTC')::date
    UNION ALL
    SELECT g.key, CASE WHEN h.hour >= g.s THEN h.quantity ELSE -h.quantity END FROM edges g JOIN metering_hourly h
      ON h.organization_id = ${organizationId} AND h.metric = ${metric} AND h.hour >= least(g.s, g.rs) AND h.hour < greatest(g.s, g.rs)
    UNION ALL
    SELECT g.key, CASE WHEN h.hour < g.e THEN h.quantity ELSE -h.quantity END FROM edges g JOIN metering_hourly h
      ON h.organization_id = ${organizationId} AND h.metric = ${metric} AND h.hour >= least(g.e, g.re) AND h.hour < greatest(g.e, g.re)
  ), totals AS (
    SELECT key, sum(quantity) AS quantity FROM parts GROUP BY key
  )`
const breakdownRows = (rows: unknown[]) => (rows as { value: string | null; quantity: string }[]).map((row) => ({ value: row.value, quantity: Number(row.quantity) }))
const isWholeHour = (date: Date) => date.getTime() % HOUR_MS === 0
const isWholeUtcDay = (date: Date) => date.getTime() % (24 * HOUR_MS) === 0

/** The organization's `metering_versions` counter ("0" before its first event), for cachedMeteringSource. */
export function postgresUsageVersion(payload: Payload) {
  return async (organizationId: number): Promise<string> => {
    const { rows } = await (await requestDb(payload, undefined)).execute(sql`SELECT version::text FROM metering_versions WHERE organization_id = ${organizationId}`)
    return (rows[0] as { version: string } | undefined)?.version ?? '0'
  }
}

/**
 * The default source: `metering_events` and their hourly and daily rollups (`metering_hourly`,
 * `metering_daily`, maintained by recordUsage in the insert's statement). Hour series read the hourly
 * rows; day and month series and totals read whole UTC days plus the hourly rows at each edge
 * (composedTotals) — a few hundred rows whatever the event volume — except a day
 * or month in a zone with a half-hour offset (India, Nepal, Lord Howe), which an hour row straddles:
 * those read the raw events on (organization, metric, occurred_at). A breakdown by the metric's
 * catalog dimension over whole UTC days reads its daily rollup; any other breakdown, and the raw
 * export, read the events on that index.
 */
export function postgresMeteringSource(payload: Payload): MeteringSource {
  const db = () => (payload.db as unknown as PostgresAdapter).drizzle

  async function series({ organizationId, metric, timeZone, granularity, from, to }: SeriesQuery): Promise<SeriesPoint[]> {
    const format = LABEL_FORMAT[granularity]
    let query
    if (granularity === 'hour') {
      const source = isWholeHour(from) && isWholeHour(to) ? ROLLUP : RAW
      query = sql`
        WITH buckets AS (
          SELECT generate_series(date_trunc('hour', ${iso(from)}::timestamptz, 'UTC'), ${iso(to)}::timestamptz - interval '1 microsecond', interval '1 hour') AS start
        ), totals AS (
          SELECT date_trunc('hour', ${source.at}, 'UTC') AS start, sum(quantity) AS quantity FROM ${source.table}
          WHERE organization_id = ${organizationId} AND metric = ${metric} AND ${source.at} >= ${iso(from)}::timestamptz AND ${source.at} < ${iso(to)}::timestamptz
          GROUP BY 1
        )
        SELECT to_char(b.start AT TIME ZONE ${timeZone}, ${format}) AS label, b.start AS start, coalesce(t.quantity, 0)::text AS quantity
        FROM buckets b LEFT JOIN totals t USING (start) ORDER BY b.start`
    } else if (isWholeHour(from) && isWholeHour(to) && hasWholeHourOffsets(timeZone, from, to)) {
      const unit = granularity
      query = sql`
        WITH buckets AS (
          SELECT generate_series(date_trunc(${unit}, ${iso(from)}::timestamptz AT TIME ZONE ${timeZone}), (${iso(to)}::timestamptz AT TIME ZONE ${timeZone}) - interval '1 microsecond', ('1 ' || ${unit})::interval) AS local_start
        ), spans AS (
          SELECT local_start AS key, greatest(local_start AT TIME ZONE ${timeZone}, ${iso(from)}::timestamptz) AS s, least((local_start + ('1 ' || ${unit})::interval) AT TIME ZONE ${timeZone}, ${iso(to)}::timestamptz) AS e FROM buckets
        ), ${composedTotals(organizationId, metric)}
        SELECT to_char(b.local_start, ${format}) AS label, b.local_start AT TIME ZONE ${timeZone} AS start, coalesce(t.quantity, 0)::text AS quantity
        FROM buckets b LEFT JOIN totals t ON t.key = b.local_start ORDER BY b.local_start`
    } else {
      const unit = granularity
      query = sql`
        WITH buckets AS (
          SELECT generate_series(date_trunc(${unit}, ${iso(from)}::timestamptz AT TIME ZONE ${timeZone}), (${iso(to)}::timestamptz AT TIME ZONE ${timeZone}) - interval '1 microsecond', ('1 ' || ${unit})::interval) AS local_start
        ), totals AS (
          SELECT date_trunc(${unit}, occurred_at AT TIME ZONE ${timeZone}) AS local_start, sum(quantity) AS quantity FROM metering_events
          WHERE organization_id = ${organizationId} AND metric = ${metric} AND occurred_at >= ${iso(from)}::timestamptz AND occurred_at < ${iso(to)}::timestamptz
          GROUP BY 1
        )
        SELECT to_char(b.local_start, ${format}) AS label, b.local_start AT TIME ZONE ${timeZone} AS start, coalesce(t.quantity, 0)::text AS quantity
        FROM buckets b LEFT JOIN totals t USING (local_start) ORDER BY b.local_start`
    }
    const { rows } = await db().execute(query)
    return (rows as { label: string; start: Date | string; quantity: string }[]).map((row) => ({ start: new Date(row.start).toISOString(), label: row.label, quantity: Number(row.quantity) }))
  }

  return {
    series,

    async total({ organizationId, metric, from, to }) {
      const { rows } = await db().execute(
        isWholeHour(from) && isWholeHour(to)
          ? sql`WITH spans AS (SELECT 0 AS key, ${iso(from)}::timestamptz AS s, ${iso(to)}::timestamptz AS e), ${composedTotals(organizationId, metric)} SELECT coalesce((SELECT quantity FROM totals), 0)::text AS quantity`
          : sql`
            SELECT coalesce(sum(quantity), 0)::text AS quantity FROM metering_events
            WHERE organization_id = ${organizationId} AND metric = ${metric} AND occurred_at >= ${iso(from)}::timestamptz AND occurred_at < ${iso(to)}::timestamptz`,
      )
      return Number((rows[0] as { quantity: string }).quantity)
    },

    async breakdown({ organizationId, metric, from, to, dimension, limit }) {
      if (dimension === metricDefinition(metric).breakdownDimension && isWholeUtcDay(from) && isWholeUtcDay(to)) {
        const { rows } = await db().execute(sql`
          SELECT nullif(value, '') AS value, sum(quantity)::text AS quantity FROM metering_dimension_daily
          WHERE organization_id = ${organizationId} AND metric = ${metric} AND day >= ${iso(from).slice(0, 10)}::date AND day < ${iso(to).slice(0, 10)}::date
          GROUP BY 1 ORDER BY sum(quantity) DESC, 1 LIMIT ${limit}`)
        return breakdownRows(rows)
      }
      const { rows } = await db().execute(sql`
        SELECT dimensions ->> ${dimension} AS value, sum(quantity)::text AS quantity FROM metering_events
        WHERE organization_id = ${organizationId} AND metric = ${metric} AND occurred_at >= ${iso(from)}::timestamptz AND occurred_at < ${iso(to)}::timestamptz
        GROUP BY 1 ORDER BY sum(quantity) DESC, 1 LIMIT ${limit}`)
      return breakdownRows(rows)
    },

    async *exportRaw({ organizationId, metric, from, to }): AsyncIterable<RawUsageEvent> {
      // Keyset pages on (occurred_at, id), the index's order; microsecond text so no row repeats or slips.
      let after = { at: '-infinity', id: '0' }
      for (;;) {
        const { rows } = await db().execute(sql`
          SELECT id::text, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at, metric, trim_scale(quantity)::text AS quantity, idempotency_key, dimensions
          FROM metering_events
          WHERE organization_id = ${organizationId} AND metric = ${metric} AND occurred_at >= ${iso(from)}::timestamptz AND occurred_at < ${iso(to)}::timestamptz
            AND (occurred_at, id) > (${after.at}::timestamptz, ${after.id}::bigint)
          ORDER BY occurred_at, id LIMIT ${EXPORT_PAGE}`)
        const page = rows as { id: string; occurred_at: string; metric: string; quantity: string; idempotency_key: string; dimensions: Record<string, string> }[]
        for (const row of page) yield { occurredAt: row.occurred_at, metric: row.metric, quantity: row.quantity, idempotencyKey: row.idempotency_key, dimensions: row.dimensions }
        if (page.length < EXPORT_PAGE) return
        const last = page[page.length - 1]!
        after = { at: last.occurred_at, id: last.id }
      }
    },
  }
}
