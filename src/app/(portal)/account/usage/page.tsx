import { isDateLocale, DEFAULT_LOCALE } from '@/account/profile/date-preferences'
import { canPerform } from '@/access/can-perform'
import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import { t } from '@/i18n/t'
import { DEFAULT_METRIC, isMetricId, METRIC_CATALOG } from '@/metering/metric-catalog'
import { pickablePeriods } from '@/metering/usage-overview'
import { usageTimeZone } from '@/metering/usage-time-zone'

import { UsageDashboard } from './usage-dashboard'
import { UsageQueryProvider } from './usage-query-provider'

export const metadata = { title: t('usage.title') }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/**
 * Usage for every role: the metric the organization pays for, in the member's time zone; the numbers
 * come from GET /api/account/usage. `?metric=&period=YYYY-MM` pick the metric and billing period (an
 * unknown one falls back to the default); owners and admins edit the budget alerts.
 */
export default async function UsagePage({ searchParams }: { searchParams: SearchParams }) {
  const access = await requireScreen('usage')
  const { session } = access
  const query = await searchParams
  const periods = pickablePeriods(new Date())
  const metric = isMetricId(query.metric) ? query.metric : DEFAULT_METRIC
  const period = typeof query.period === 'string' && periods.includes(query.period) ? query.period : periods[0]!
  const organization = session.organization
  const canEditAlerts = organization ? canPerform({ userId: session.user.id, role: organization.role }, 'org.update').allowed : false
  const timeZone = usageTimeZone(undefined, session.user)
  const locale = isDateLocale(session.user.locale) ? session.user.locale : DEFAULT_LOCALE
  return (
    <div className="stack">
      <h1>{t('usage.title')}</h1>
      <ScreenGuard access={access}>
        <p className="muted">{t('usage.intro', { organization: session.organization?.name ?? '', timeZone })}</p>
        <UsageQueryProvider>
          <UsageDashboard
            metrics={METRIC_CATALOG.map(({ id, displayName, unit, currency }) => ({ id, displayName, unit, currency }))}
            timeZone={timeZone}
            locale={locale}
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
