import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { z } from 'zod'

import { portalRoute } from '@/lib/api/portal-route'
import { METRIC_IDS } from '@/metering/metric-catalog'
import { saveUsageAlerts } from '@/metering/save-usage-alerts'
import { UsageAlertsInput } from '@/metering/usage-alerts-input'
import { usageAlertsView } from '@/metering/usage-alerts-view'

const AlertsQuery = z.object({ metric: z.enum(METRIC_IDS) })

/** GET /api/account/usage/alerts?metric= — the metric's budget alerts and what this period has reached (every role that reads usage). */
export const GET = portalRoute({ screen: 'usage', action: 'usage.read', schema: AlertsQuery }, async ({ payload, organization, body }) =>
  usageAlertsView((payload.db as unknown as PostgresAdapter).drizzle, organization.id, body.metric, new Date()),
)

/** PUT /api/account/usage/alerts — replace the metric's budget and thresholds (owners and admins: they change what the organization is told). */
export const PUT = portalRoute({ screen: 'usage', action: 'org.update', schema: UsageAlertsInput }, async ({ payload, organization, actor, body }) => {
  const now = new Date()
  await saveUsageAlerts(payload, { organizationId: organization.id, actor, input: body, now })
  return usageAlertsView((payload.db as unknown as PostgresAdapter).drizzle, organization.id, body.metric, now)
})
