import { canPerform } from '@/access/can-perform'
import { countryOptions } from '@/billing/address/countries'
import { getRequestLocale } from '@/auth/request-locale'
import { requireScreen } from '@/auth/require-screen'
import { snapshotOfOrganization } from '@/billing/customer-sync/billing-snapshot'
import { stripeTarget } from '@/billing/stripe'
import { taxIdFormatHints } from '@/billing/tax-ids/tax-id-format-hints'
import { ScreenGuard } from '@/components/ScreenGuard'
import { Alert } from '@/components/ui/Alert'
import { Badge } from '@/components/ui/Badge'
import { Card } from '@/components/ui/Card'
import type { MessageKey } from '@/i18n/en'
import { formatDate, formatMoney, intlLocale } from '@/i18n/formatters'
import { type Locale, t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'

import { BillingDetailsForm } from './billing-details-form'
import { ContractBilling } from './contract-billing'
import { PortalButton } from './portal-button'
import { RefreshOnReturn } from './refresh-on-return'
import { localizedTitle } from '../../localized-title'

export const generateMetadata = localizedTitle('billing.title')

const INTERVALS = ['day', 'week', 'month', 'year']
const intervalLabel = (interval: string, locale: Locale) => (INTERVALS.includes(interval) ? t(`billing.interval.${interval}` as MessageKey, {}, locale) : interval)
const brandName = (brand: string) => ({ visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' })[brand] ?? brand

/** The organization's plan and card (mirrored from Stripe by webhooks), the way into Stripe's portal, and the invoice details. */
export default async function BillingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [access, format] = await Promise.all([requireScreen('billing'), getRequestLocale()])
  const { locale } = format
  // Billing dates are calendar dates of Stripe's period, written the same in every time zone.
  const calendar = { ...format, timeZone: 'UTC' }
  const session = access.session
  const current = session.organization
  const payload = await payloadInstance()
  const organization = access.allowed && current ? await payload.findByID({ collection: 'organizations', id: current.id, depth: 0, user: session.user, overrideAccess: false }) : null
  const snapshot = organization ? snapshotOfOrganization(organization) : null
  const canManage = current ? canPerform({ userId: session.user.id, role: current.role }, 'billing.manage').allowed : false
  const portalLabels = { opening: t('billing.portal.opening', {}, locale), error: t('billing.portal.error', {}, locale) }
  const plan = snapshot?.plan
  const card = snapshot?.paymentMethod
  const hasSubscription = Boolean(plan?.subscriptionId && plan.status !== 'canceled')
  // Stripe's portal sends people back with this marker (create-portal-session.ts).
  const backFromPortal = canManage && (await searchParams).returned === 'portal'

  return (
    <div className="stack">
      <h1>{t('billing.title', {}, locale)}</h1>
      <ScreenGuard access={access} locale={locale}>
        {organization?.billingMode === 'contract' ? (
          <ContractBilling organization={organization} format={calendar} />
        ) : (
          <>
            {stripeTarget().kind === 'emulator' ? <Alert>{t('billing.emulatorNote', {}, locale)}</Alert> : null}
            {backFromPortal ? <RefreshOnReturn labels={{ updating: t('billing.portal.updating', {}, locale), error: t('billing.portal.updateFailed', {}, locale) }} /> : null}
            <Card title={t('billing.plan.title', {}, locale)}>
              {plan?.subscriptionId ? (
                <div className="stack" data-gap="sm">
                  <div className="row">
                    <strong>{plan.productName ?? plan.priceId}</strong>
                    {plan.status ? <Badge>{t(`billing.status.${plan.status}` as MessageKey, {}, locale)}</Badge> : null}
                  </div>
                  {plan.unitAmount !== null && plan.currency ? <p>{t('billing.plan.price', { amount: formatMoney(plan.unitAmount, plan.currency, format), interval: intervalLabel(plan.interval ?? 'month', locale) }, locale)}</p> : null}
                  {plan.currentPeriodEnd && plan.status !== 'canceled' ? (
                    <p className="muted">{t(plan.cancelAtPeriodEnd ? 'billing.plan.cancels' : 'billing.plan.renews', { date: formatDate(plan.currentPeriodEnd, calendar, 'long') }, locale)}</p>
                  ) : null}
                </div>
              ) : (
                <p className="muted">{t('billing.plan.none', {}, locale)}</p>
              )}
              {canManage && hasSubscription ? (
                <div className="row">
                  <PortalButton flow="subscription_update" label={t('billing.plan.change', {}, locale)} labels={portalLabels} />
                  {plan?.cancelAtPeriodEnd ? null : <PortalButton flow="subscription_cancel" label={t('billing.plan.cancel', {}, locale)} labels={portalLabels} variant="secondary" />}
                </div>
              ) : null}
            </Card>
            <Card title={t('billing.card.title', {}, locale)}>
              {card?.last4 ? (
                <div className="stack" data-gap="sm">
                  <p data-testid="card-on-file">
                    <strong>
                      {brandName(card.brand ?? 'card')} <span aria-hidden="true">••••</span>
                      <span className="visually-hidden">{t('billing.card.endingIn', {}, locale)} </span>
                      {card.last4}
                    </strong>
                  </p>
                  {card.expMonth && card.expYear ? <p className="muted">{t('billing.card.expires', { month: String(card.expMonth).padStart(2, '0'), year: card.expYear }, locale)}</p> : null}
                </div>
              ) : (
                <p className="muted">{t('billing.card.none', {}, locale)}</p>
              )}
              {canManage ? <PortalButton flow="payment_method_update" label={t('billing.card.update', {}, locale)} labels={portalLabels} /> : null}
              <p className="muted">{t('billing.portal.hint', {}, locale)}</p>
            </Card>
            <Card title={t('billing.details.title', {}, locale)}>
              <p className="muted">{t('billing.details.intro', {}, locale)}</p>
              {snapshot ? (
                <BillingDetailsForm
                  details={snapshot.details}
                  verifications={(organization?.taxIds ?? []).map((taxId) => taxId.verificationStatus ?? null)}
                  countries={countryOptions(intlLocale(format))}
                  formatHints={taxIdFormatHints(locale)}
                  canEdit={canManage}
                />
              ) : null}
            </Card>
            <p>
              {t('billing.invoices', {}, locale)} <a href="/account/invoices">{t('invoices.title', {}, locale)}</a>
            </p>
          </>
        )}
      </ScreenGuard>
    </div>
  )
}
