import { canPerform } from '@/access/can-perform'
import { getRequestLocale } from '@/auth/request-locale'
import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import { intlLocale } from '@/i18n/formatters'
import { t } from '@/i18n/t'
import { DEFAULT_METRIC, isMetricId, METRIC_CATALOG, metricWords } from '@/metering/metric-catalog'
import { pickablePeriods } from '@/metering/usage-overview'
import { usageTimeZone } from '@/metering/usage-time-zone'

import { UsageDashboard } from './usage-dashboard'
import { UsageQueryProvider } from './usage-query-provider'
import { localizedTitle } from '../../localized-title'

export const generateMetadata = localizedTitle('usage.title')

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/**
 * Usage for every role: the metric the organization pays for, in the member's time zone; the numbers
 * come from GET /api/account/usage. `?metric=&period=YYYY-MM` pick the metric and billing period (an
 * unknown one falls back to the default); owners and admins edit the budget alerts.
 */
export default async function UsagePage({ searchParams }: { searchParams: SearchParams }) {
  const [access, format] = await Promise.all([requireScreen('usage'), getRequestLocale()])
  const { locale } = format
  const { session } = access
  const query = await searchParams
  const periods = pickablePeriods(new Date())
  const metric = isMetricId(query.metric) ? query.metric : DEFAULT_METRIC
  const period = typeof query.period === 'string' && periods.includes(query.period) ? query.period : periods[0]!
  const organization = session.organization
  const canEditAlerts = organization ? canPerform({ userId: session.user.id, role: organization.role }, 'org.update').allowed : false
  const timeZone = usageTimeZone(undefined, session.user)
  return (
    <div className="stack">
      <h1>{t('usage.title', {}, locale)}</h1>
      <ScreenGuard access={access} locale={locale}>
        <p className="muted">{t('usage.intro', { organization: session.organization?.name ?? '', timeZone }, locale)}</p>
        <UsageQueryProvider>
          <UsageDashboard
            metrics={METRIC_CATALOG.map((definition) => ({ id: definition.id, ...metricWords(definition, locale), currency: definition.currency }))}
            timeZone={timeZone}
            locale={intlLocale(format)}
            periods={periods}
            initialMetric={metric}
            initialPeriod={period}
            canEditAlerts={canEditAlerts}
          />
        </UsageQueryProvider>
      </ScreenGuard>
    </div>
  )
}
