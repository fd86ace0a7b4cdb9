import { portalRoute } from '@/lib/api/portal-route'
import { postgresMeteringSource } from '@/metering/postgres-metering-source'
import { usageCsvResponse } from '@/metering/usage-csv'
import { UsageExportQuery } from '@/metering/usage-query'
import { usageTimeZone } from '@/metering/usage-time-zone'

/** GET /api/account/usage/export.csv?metric=&from=&to=&granularity=day|hour|raw[&tz=] — the range as a streamed CSV file. */
export const GET = portalRoute({ screen: 'usage', action: 'usage.read', schema: UsageExportQuery }, async ({ payload, user, organization, body }) =>
  usageCsvResponse(postgresMeteringSource(payload), organization.id, { ...body, tz: usageTimeZone(body.tz, user) }),
)
