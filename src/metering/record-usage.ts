import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { transactionDb } from '../lib/transaction-db'
import { withTransaction } from '../lib/with-transaction'
import { checkUsageThresholds } from './check-usage-thresholds'
import { METRIC_CATALOG, type MetricId } from './metric-catalog'
import { validateUsageEvents } from './validate-usage-events'

export type RecordUsageResult = { accepted: number; duplicates: number }

type Touched = { organization_id: number; metric: MetricId; period_start: string }

/** Each metric's breakdown dimension, as the rollup statement joins it. */
const BREAKDOWN_DIMENSIONS = JSON.stringify(Object.fromEntries(METRIC_CATALOG.map((metric) => [metric.id, metric.breakdownDimension])))

const candidateOrganizations = (events: readonly unknown[]) => [
  ...new Set(events.map((event) => (event as { organizationId?: unknown } | null)?.organizationId).filter((id): id is number => Number.isSafeInteger(id) && (id as number) > 0 && (id as number) < 2 ** 31)),
]

/**
 * Ingestion, the one way usage enters the portal (the HTTP route and the demo seed call it): the
 * batch is validated whole (see validateUsageEvents), then one statement inserts the events —
 * a key the organization already sent is skipped (ON CONFLICT DO NOTHING), inside the batch too —
 * and adds only the rows actually inserted to their UTC-hour and UTC-day rollups (and to the daily
 * rollup of the metric's breakdown dimension). One statement, in the batch's transaction, so rollups never
 * disagree with the events; a late event lands in its own hour.
 * Rollup rows are upserted in (organization, metric, hour) order so concurrent batches can't
 * deadlock on them. Not audited per batch: usage is the product's record, not a portal change.
 * The statement also names the billing periods (UTC months) it added to for organizations with
 * budget alerts on the metric; those are checked in the same transaction (checkUsageThresholds).
 * Then each organization that gained an event has its `metering_versions` row bumped, which is
 * how the usage reads' cache knows its answer changed (cachedMeteringSource).
 * `req`: a transaction to join; without one, the batch is its own.
 */
export async function recordUsage(
  payload: Payload,
  events: readonly unknown[],
  { now = new Date(), req, onlyFor }: { now?: Date; req?: PayloadRequest; /** The one organization the caller may report for (an API key's). */ onlyFor?: number } = {},
): Promise<RecordUsageResult> {
  return req ? insertBatch(req, events, now, onlyFor) : withTransaction(payload, (own) => insertBatch(own, events, now, onlyFor))
}

async function insertBatch(req: PayloadRequest, events: readonly unknown[], now: Date, onlyFor: number | undefined): Promise<RecordUsageResult> {
  const db = await transactionDb(req)
  const ids = candidateOrganizations(events)
  const { rows: known } = ids.length
    ? await db.execute(sql`SELECT id FROM organizations WHERE id = ANY(${`{${ids.join(',')}}`}::int[])`)
    : { rows: [] }
  const valid = validateUsageEvents(events, now, new Set((known as { id: number }[]).map((row) => Number(row.id))), onlyFor)
  const input = JSON.stringify(
    valid.map((event, position) => ({ position, organization_id: event.organizationId, metric: event.metric, quantity: event.quantity, occurred_at: event.occurredAt, idempotency_key: event.idempotencyKey, dimensions: event.dimensions ?? {} })),
  )
  const { rows } = await db.execute(sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb)
        AS x(position integer, organization_id integer, metric text, quantity numeric, occurred_at timestamptz, idempotency_key text, dimensions jsonb)
    ), first_per_key AS (
      SELECT DISTINCT ON (organization_id, idempotency_key) * FROM input ORDER BY organization_id, idempotency_key, position
    ), inserted AS (
      INSERT INTO metering_events (organization_id, metric, quantity, occurred_at, idempotency_key, dimensions)
      SELECT organization_id, metric, quantity, occurred_at, idempotency_key, dimensions FROM first_per_key ORDER BY position
      ON CONFLICT (organization_id, idempotency_key) DO NOTHING
      RETURNING organization_id, metric, quantity, occurred_at, dimensions
    ), rolled AS (
      INSERT INTO metering_hourly (organization_id, metric, hour, quantity, event_count)
      SELECT organization_id, metric, date_trunc('hour', occurred_at, 'UTC'), sum(quantity), count(*) FROM inserted
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (organization_id, metric, hour) DO UPDATE
        SET quantity = metering_hourly.quantity + EXCLUDED.quantity, event_count = metering_hourly.event_count + EXCLUDED.event_count
      RETURNING 1
    ), rolled_daily AS (
      INSERT INTO metering_daily (organization_id, metric, day, quantity, event_count)
      SELECT organization_id, metric, (occurred_at AT TIME ZONE 'UTC')::date, sum(quantity), count(*) FROM inserted
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (organization_id, metric, day) DO UPDATE
        SET quantity = metering_daily.quantity + EXCLUDED.quantity, event_count = metering_daily.event_count + EXCLUDED.event_count
      RETURNING 1
    ), by_dimension AS (
      INSERT INTO metering_dimension_daily (organization_id, metric, day, value, quantity)
      SELECT i.organization_id, i.metric, (i.occurred_at AT TIME ZONE 'UTC')::date, coalesce(i.dimensions ->> d.dimension, ''), sum(i.quantity)
      FROM inserted i JOIN jsonb_each_text(${BREAKDOWN_DIMENSIONS}::jsonb) AS d(metric, dimension) ON d.metric = i.metric
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (organization_id, metric, day, value) DO UPDATE SET quantity = metering_dimension_daily.quantity + EXCLUDED.quantity
      RETURNING 1
    ), touched AS (
      SELECT DISTINCT i.organization_id, i.metric, date_trunc('month', i.occurred_at, 'UTC') AS period_start FROM inserted i
      WHERE EXISTS (SELECT 1 FROM usage_alert_settings s WHERE s.organization_id = i.organization_id AND s.metric = i.metric)
    )
    SELECT (SELECT count(*) FROM inserted)::int AS accepted, (SELECT coalesce(array_agg(DISTINCT organization_id ORDER BY organization_id), '{}') FROM inserted) AS organizations, (SELECT count(*) FROM rolled)::int AS hours, (SELECT count(*) FROM rolled_daily)::int AS days, (SELECT count(*) FROM by_dimension)::int AS dimension_days,
      (SELECT coalesce(jsonb_agg(touched), '[]'::jsonb) FROM touched) AS touched`)
  const result = rows[0] as { accepted: number; organizations: number[]; touched: Touched[] }
  if (result.touched.length > 0) {
    await checkUsageThresholds(req, result.touched.map((row) => ({ organizationId: Number(row.organization_id), metric: row.metric, periodStart: new Date(row.period_start) })), now)
  }
  // Last, after every rollup row this batch locks: two batches always lock in the same order.
  if (result.organizations.length > 0) {
    await db.execute(sql`
      INSERT INTO metering_versions (organization_id, version) SELECT unnest(${`{${result.organizations.join(',')}}`}::int[]), 1
      ON CONFLICT (organization_id) DO UPDATE SET version = metering_versions.version + 1`)
  }
  const accepted = Number(result.accepted)
  return { accepted, duplicates: valid.length - accepted }
}
