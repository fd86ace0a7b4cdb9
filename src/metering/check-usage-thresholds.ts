import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { recordPortalChange } from '../audit/record-portal-change'
import { formatMoney, formatNumber } from '../i18n/formatters'
import { t } from '../i18n/t'
import { lockInTransaction } from '../lib/advisory-lock'
import { transactionDb } from '../lib/transaction-db'
import { crossedThresholds, type CrossedThreshold } from './crossed-thresholds'
import { estimateCharge } from './estimate-charge'
import { metricDefinition, type MetricDefinition, type MetricId } from './metric-catalog'
import { readUsageAlerts } from './read-usage-alerts'
import type { UsageAlertSettings } from './usage-alerts-input'
import { billingPeriod } from './usage-overview'

/** A period of one organization's metric that a batch added usage to. */
export type TouchedPeriod = { organizationId: number; metric: MetricId; periodStart: Date }

// The event's text is recorded once, in English, like every event's.
const ENGLISH = { locale: 'en' } as const
const money = (minor: number, currency: string) => formatMoney(minor, currency, ENGLISH)
const number = (value: number) => formatNumber(value, ENGLISH, { maximumFractionDigits: 6 })

function describe(threshold: CrossedThreshold, settings: UsageAlertSettings, definition: MetricDefinition): string {
  if (threshold.kind === 'quantity') return t('usage.alerts.event.quantity', { quantity: number(threshold.value), unit: definition.unit })
  return t('usage.alerts.event.percent', { percent: threshold.value, budget: money(settings.monthlyBudget ?? 0, definition.currency) })
}

/**
 * Budget alerts, inside the ingesting transaction `req` holds, after its events and rollups are
 * written: for each touched period whose organization has alerts for the metric, the period's
 * total (the hourly rollup) is compared with each threshold, and each newly reached one is
 * claimed in `usage_threshold_crossings` and emitted as `usage.threshold_crossed` through the
 * write path (audit row + outbox event, delivered by the recipients' preferences).
 *
 * Why in the transaction rather than a job: the alert commits with the usage that caused it (no
 * lag, no watermark to keep), and a rolled-back batch alerts nobody. Exactly once under concurrent
 * batches: each takes an advisory lock per organization (in id order, so no deadlock) *after* its
 * own insert and reads the total under it; READ COMMITTED gives that read every batch committed
 * before the lock was granted plus its own rows, so the last batch to get the lock sees the whole
 * total — a crossing can't fall between two batches that each saw only half — and the crossing
 * row's primary key makes a second claim of the same threshold and period a no-op.
 */
export async function checkUsageThresholds(req: PayloadRequest, touched: readonly TouchedPeriod[], now: Date): Promise<number> {
  const db = await transactionDb(req)
  const ordered = [...touched].sort((a, b) => a.organizationId - b.organizationId || a.metric.localeCompare(b.metric) || a.periodStart.getTime() - b.periodStart.getTime())
  let emitted = 0
  let locked: number | null = null
  for (const { organizationId, metric, periodStart } of ordered) {
    if (locked !== organizationId) {
      await lockInTransaction(req, { namespace: 'usageThresholds', key: organizationId })
      locked = organizationId
    }
    const settings = await readUsageAlerts(db, organizationId, metric)
    if (!settings) continue
    const period = billingPeriod(periodStart)
    const { rows } = await db.execute(sql`
      SELECT coalesce(sum(quantity), 0)::text AS quantity FROM metering_hourly
      WHERE organization_id = ${organizationId} AND metric = ${metric} AND hour >= ${period.start.toISOString()}::timestamptz AND hour < ${period.end.toISOString()}::timestamptz`)
    const quantity = (rows[0] as { quantity: string }).quantity
    const definition = metricDefinition(metric)
    const crossed = crossedThresholds(settings, quantity, definition)
    if (crossed.length === 0) continue
    const claimed = await db.execute(sql`
      INSERT INTO usage_threshold_crossings (organization_id, metric, period_start, threshold, quantity, crossed_at)
      SELECT ${organizationId}, ${metric}, ${period.start.toISOString()}::timestamptz, key, ${quantity}::numeric, ${now.toISOString()}::timestamptz
      FROM unnest(${`{${crossed.map((threshold) => `"${threshold.key}"`).join(',')}}`}::text[]) AS key
      ON CONFLICT DO NOTHING RETURNING threshold`)
    const fresh = new Set((claimed.rows as { threshold: string }[]).map((row) => row.threshold))
    const charge = estimateCharge(quantity, definition)
    for (const threshold of crossed.filter((candidate) => fresh.has(candidate.key))) {
      const reached = describe(threshold, settings, definition)
      const usage = t('usage.alerts.event.usage', { quantity: number(Number(quantity)), unit: definition.unit, charge: money(charge.amount, definition.currency) })
      const data = { metric, periodStart: period.start.toISOString(), threshold: threshold.key, quantity: Number(quantity), estimatedCharge: charge.amount, currency: definition.currency }
      await recordPortalChange(
        req,
        {
          actor: { kind: 'system', label: 'system' },
          organization: organizationId,
          entity: { type: 'usage-alerts', id: `${metric}:${period.start.toISOString().slice(0, 7)}` },
          action: 'usage.threshold_crossed',
          event: { type: 'usage.threshold_crossed', data: { ...data, changes: { [definition.displayName]: [null, reached], usage: [null, usage] } } },
        },
        async () => ({ after: data }),
      )
      emitted++
    }
  }
  return emitted
}
