import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import type { AuditActor } from '../audit/actor'
import { recordPortalChange } from '../audit/record-portal-change'
import { transactionDb } from '../lib/transaction-db'
import { withTransaction } from '../lib/with-transaction'
import { checkUsageThresholds } from './check-usage-thresholds'
import { readUsageAlerts } from './read-usage-alerts'
import type { UsageAlertSettings, UsageAlertsInput } from './usage-alerts-input'
import { billingPeriod } from './usage-overview'

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b)

/**
 * Saves one metric's budget alerts (replacing the lists) through the write path, audited as
 * `usage.alerts_updated`; then, in the same transaction, checks the current period against them,
 * so a threshold the period has already passed alerts now rather than at the next event.
 */
export async function saveUsageAlerts(payload: Payload, { organizationId, actor, input, now }: { organizationId: number; actor: AuditActor; input: UsageAlertsInput; now: Date }): Promise<UsageAlertSettings> {
  const saved: UsageAlertSettings = { metric: input.metric, monthlyBudget: input.monthlyBudget, percentThresholds: sorted(input.percentThresholds), quantityThresholds: sorted(input.quantityThresholds) }
  return withTransaction(payload, async (req) => {
    const db = await transactionDb(req)
    const before = await readUsageAlerts(db, organizationId, input.metric)
    await recordPortalChange(req, { actor, organization: organizationId, entity: { type: 'usage-alerts', id: input.metric }, action: 'usage.alerts_updated', before }, async () => {
      await db.execute(sql`
        INSERT INTO usage_alert_settings (organization_id, metric, monthly_budget, percent_thresholds, quantity_thresholds, updated_at)
        VALUES (${organizationId}, ${input.metric}, ${saved.monthlyBudget}, ${`{${saved.percentThresholds.join(',')}}`}::integer[], ${`{${saved.quantityThresholds.join(',')}}`}::numeric[], ${now.toISOString()}::timestamptz)
        ON CONFLICT (organization_id, metric) DO UPDATE SET monthly_budget = EXCLUDED.monthly_budget, percent_thresholds = EXCLUDED.percent_thresholds,
          quantity_thresholds = EXCLUDED.quantity_thresholds, updated_at = EXCLUDED.updated_at`)
      return { after: saved }
    })
    await checkUsageThresholds(req, [{ organizationId, metric: input.metric, periodStart: billingPeriod(now).start }], now)
    return saved
  })
}
