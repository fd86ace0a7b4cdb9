import type { requestDb } from '../lib/transaction-db'
import type { MetricId } from './metric-catalog'
import { readThresholdCrossings, readUsageAlerts } from './read-usage-alerts'
import type { UsageAlertSettings } from './usage-alerts-input'
import { billingPeriod } from './usage-overview'

export type UsageAlertsView = UsageAlertSettings & { periodStart: string; crossed: { threshold: string; crossedAt: string }[] }

/** What the alerts form shows for a metric: the saved settings (empty when none) and what this period has already reached. */
export async function usageAlertsView(db: Awaited<ReturnType<typeof requestDb>>, organizationId: number, metric: MetricId, now: Date): Promise<UsageAlertsView> {
  const periodStart = billingPeriod(now).start
  const [settings, crossed] = [await readUsageAlerts(db, organizationId, metric), await readThresholdCrossings(db, organizationId, metric, periodStart)]
  return { ...(settings ?? { metric, monthlyBudget: null, percentThresholds: [], quantityThresholds: [] }), periodStart: periodStart.toISOString(), crossed }
}
