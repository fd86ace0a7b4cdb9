import { t } from '@/i18n/t'
import { PortalError } from '@/lib/api/portal-error'
import { portalRoute } from '@/lib/api/portal-route'
import { meteringSource } from '@/metering/metering-source-from-env'
import { pickablePeriods, usageOverview } from '@/metering/usage-overview'
import { usageTimeZone } from '@/metering/usage-time-zone'
import { UsageOverviewQuery } from '@/metering/usage-query'

/** GET /api/account/usage?metric=&tz=[&period=YYYY-MM] — the organization's usage of one metric: 30 days, 12 months, the period's charge (so far, or invoiced), the forecast. */
export const GET = portalRoute({ screen: 'usage', action: 'usage.read', schema: UsageOverviewQuery }, async ({ payload, session, user, organization, body }) => {
  const now = new Date()
  if (body.period && !pickablePeriods(now).includes(body.period)) throw new PortalError('invalid_request', t('api.error.invalid'), { period: t('usage.query.period') })
  const known = session.usageVersion === null ? undefined : { organizationId: organization.id, version: session.usageVersion }
  return usageOverview(meteringSource(payload, { known }), { organizationId: organization.id, metric: body.metric, timeZone: usageTimeZone(body.tz, user), now, period: body.period })
})
