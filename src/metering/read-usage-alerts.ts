import { sql } from '@payloadcms/db-postgres'

import type { requestDb } from '../lib/transaction-db'
import type { MetricId } from './metric-catalog'
import type { UsageAlertSettings } from './usage-alerts-input'

type Db = Awaited<ReturnType<typeof requestDb>>

type Row = { monthly_budget: string | null; percent_thresholds: number[]; quantity_thresholds: string[] }

/** One organization's saved alerts for a metric, or null when it has none. */
export async function readUsageAlerts(db: Db, organizationId: number, metric: MetricId): Promise<UsageAlertSettings | null> {
  const { rows } = await db.execute(sql`
    SELECT monthly_budget::text, percent_thresholds, array(SELECT trim_scale(q)::text FROM unnest(quantity_thresholds) q) AS quantity_thresholds
    FROM usage_alert_settings WHERE organization_id = ${organizationId} AND metric = ${metric}`)
  const row = rows[0] as Row | undefined
  if (!row) return null
  return { metric, monthlyBudget: row.monthly_budget === null ? null : Number(row.monthly_budget), percentThresholds: row.percent_thresholds.map(Number), quantityThresholds: row.quantity_thresholds.map(Number) }
}

/** The thresholds already reached in the period starting `periodStart`, with when. */
export async function readThresholdCrossings(db: Db, organizationId: number, metric: MetricId, periodStart: Date): Promise<{ threshold: string; crossedAt: string }[]> {
  const { rows } = await db.execute(sql`
    SELECT threshold, crossed_at FROM usage_threshold_crossings
    WHERE organization_id = ${organizationId} AND metric = ${metric} AND period_start = ${periodStart.toISOString()}::timestamptz ORDER BY crossed_at, threshold`)
  return (rows as { threshold: string; crossed_at: Date | string }[]).map((row) => ({ threshold: row.threshold, crossedAt: new Date(row.crossed_at).toISOString() }))
}
