import { t } from '@/i18n/t'
import { PortalError } from '@/lib/api/portal-error'
import { portalRoute } from '@/lib/api/portal-route'
import { meteringSource, meteringSourceName } from '@/metering/metering-source-from-env'
import { usageCsvResponse } from '@/metering/usage-csv'
import { UsageExportQuery } from '@/metering/usage-query'
import { usageTimeZone } from '@/metering/usage-time-zone'

/** GET /api/account/usage/export.csv?metric=&from=&to=&granularity=day|hour|raw[&tz=] — the range as a streamed CSV file. */
export const GET = portalRoute({ screen: 'usage', action: 'usage.read', schema: UsageExportQuery }, async ({ payload, user, organization, body }) => {
  // Refused before the stream starts: a 200 can't turn into a refusal halfway through the file.
  if (body.granularity === 'raw' && meteringSourceName() === 'stripe-meters') throw new PortalError('invalid_request', t('api.error.invalid'), { granularity: t('usage.stripe.noRaw') })
  return usageCsvResponse(meteringSource(payload), organization.id, { ...body, tz: usageTimeZone(body.tz, user) })
})
