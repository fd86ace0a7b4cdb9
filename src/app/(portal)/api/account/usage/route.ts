import { portalRoute } from '@/lib/api/portal-route'
import { postgresMeteringSource } from '@/metering/postgres-metering-source'
import { usageOverview } from '@/metering/usage-overview'
import { usageTimeZone } from '@/metering/usage-time-zone'
import { UsageOverviewQuery } from '@/metering/usage-query'

/** GET /api/account/usage?metric=&tz= — the organization's usage of one metric: 30 days, 12 months, the period's charge so far, the forecast. */
export const GET = portalRoute({ screen: 'usage', action: 'usage.read', schema: UsageOverviewQuery }, async ({ payload, user, organization, body }) =>
  usageOverview(postgresMeteringSource(payload), { organizationId: organization.id, metric: body.metric, timeZone: usageTimeZone(body.tz, user), now: new Date() }),
)
