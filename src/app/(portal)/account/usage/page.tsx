import { isDateLocale, DEFAULT_LOCALE } from '@/account/profile/date-preferences'
import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import { t } from '@/i18n/t'
import { METRIC_CATALOG } from '@/metering/metric-catalog'
import { usageTimeZone } from '@/metering/usage-time-zone'

import { UsageDashboard } from './usage-dashboard'
import { UsageQueryProvider } from './usage-query-provider'

export const metadata = { title: t('usage.title') }

/** Usage for every role: the metric the organization pays for, in the member's time zone; the numbers come from GET /api/account/usage. */
export default async function UsagePage() {
  const access = await requireScreen('usage')
  const { session } = access
  const timeZone = usageTimeZone(undefined, session.user)
  const locale = isDateLocale(session.user.locale) ? session.user.locale : DEFAULT_LOCALE
  return (
    <div className="stack">
      <h1>{t('usage.title')}</h1>
      <ScreenGuard access={access} section={t('usage.title')}>
        <p className="muted">{t('usage.intro', { organization: session.organization?.name ?? '', timeZone })}</p>
        <UsageQueryProvider>
          <UsageDashboard metrics={METRIC_CATALOG.map(({ id, displayName, unit }) => ({ id, displayName, unit }))} timeZone={timeZone} locale={locale} />
        </UsageQueryProvider>
      </ScreenGuard>
    </div>
  )
}
