import type { MetricId } from './metric-catalog'

export type SeriesGranularity = 'hour' | 'day' | 'month'

/** [from, to): instants. Day and month buckets are the zone's calendar days and months. */
export type SeriesQuery = { organizationId: number; metric: MetricId; timeZone: string; granularity: SeriesGranularity; from: Date; to: Date }

export type SeriesPoint = {
  /** When the bucket begins, as an ISO instant. */
  start: string
  /** The bucket in the zone's calendar: "2026-03-08", "2026-03", or "2026-03-08T02:00" for an hour. */
  label: string
  quantity: number
}

export type RangeQuery = { organizationId: number; metric: MetricId; from: Date; to: Date }

export type RawUsageEvent = { occurredAt: string; metric: string; quantity: string; idempotencyKey: string; dimensions: Record<string, string> }

/**
 * The one read interface over metered usage; the page, the JSON, the CSV and the forecast read
 * through it, so they agree. `postgres` (src/metering/postgres-metering-source.ts) is the default.
 * Past one PostgreSQL the same interface fronts another store: Stripe Billing Meters' event
 * summaries (`billing.meters.listEventSummaries`, hourly or daily), or a columnar store
 * (ClickHouse, TimescaleDB continuous aggregates) that keeps the hourly rollup; callers don't change.
 */
export interface MeteringSource {
  /** Every bucket in the range, zeros included, oldest first. */
  series(query: SeriesQuery): Promise<SeriesPoint[]>
  /** The quantity in [from, to): a billing period's total. */
  total(query: RangeQuery): Promise<number>
  /** The quantity per value of one dimension (null: events without it), largest first. */
  breakdown(query: RangeQuery & { dimension: string; limit: number }): Promise<{ value: string | null; quantity: number }[]>
  /** Every raw event in the range in time order, read a page at a time. */
  exportRaw(query: RangeQuery): AsyncIterable<RawUsageEvent>
  /**
   * An answer computed only from this source's reads of one organization, kept for as long as
   * those reads would be (`key` names everything else it depends on). Absent where reads can't be
   * kept (Stripe's summaries carry no version): callers compute each time.
   */
  keep?<R>(organizationId: number, key: string, compute: () => Promise<R>): Promise<R>
}
