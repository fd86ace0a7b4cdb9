import { canPerform } from '@/access/can-perform'
import { countryOptions } from '@/billing/address/countries'
import { requireScreen } from '@/auth/require-screen'
import { snapshotOfOrganization } from '@/billing/customer-sync/billing-snapshot'
import { stripeTarget } from '@/billing/stripe'
import { taxIdFormatHints } from '@/billing/tax-ids/tax-id-format-hints'
import { ScreenGuard } from '@/components/ScreenGuard'
import { Alert } from '@/components/ui/Alert'
import { Badge } from '@/components/ui/Badge'
import { Card } from '@/components/ui/Card'
import type { MessageKey } from '@/i18n/en'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'

import { BillingDetailsForm } from './billing-details-form'
import { ContractBilling } from './contract-billing'
import { PortalButton } from './portal-button'
import { RefreshOnReturn } from './refresh-on-return'

export const metadata = { title: t('billing.title') }

const formatDate = (iso: string) => new Date(iso).toLocaleDateString('en', { dateStyle: 'long', timeZone: 'UTC' })
const formatMoney = (amount: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100)
const brandName = (brand: string) => ({ visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' })[brand] ?? brand

/** The organization's plan and card (mirrored from Stripe by webhooks), the way into Stripe's portal, and the invoice details. */
export default async function BillingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const access = await requireScreen('billing')
  const session = access.session
  const current = session.organization
  const payload = await payloadInstance()
  const organization = access.allowed && current ? await payload.findByID({ collection: 'organizations', id: current.id, depth: 0, user: session.user, overrideAccess: false }) : null
  const snapshot = organization ? snapshotOfOrganization(organization) : null
  const canManage = current ? canPerform({ userId: session.user.id, role: current.role }, 'billing.manage').allowed : false
  const portalLabels = { opening: t('billing.portal.opening'), error: t('billing.portal.error') }
  const plan = snapshot?.plan
  const card = snapshot?.paymentMethod
  const hasSubscription = Boolean(plan?.subscriptionId && plan.status !== 'canceled')
  // Stripe's portal sends people back with this marker (create-portal-session.ts).
  const backFromPortal = canManage && (await searchParams).returned === 'portal'

  return (
    <div className="stack">
      <h1>{t('billing.title')}</h1>
      <ScreenGuard access={access}>
        {organization?.billingMode === 'contract' ? (
          <ContractBilling organization={organization} />
        ) : (
          <>
            {stripeTarget().kind === 'emulator' ? <Alert>{t('billing.emulatorNote')}</Alert> : null}
            {backFromPortal ? <RefreshOnReturn labels={{ updating: t('billing.portal.updating'), error: t('billing.portal.updateFailed') }} /> : null}
            <Card title={t('billing.plan.title')}>
              {plan?.subscriptionId ? (
                <div className="stack" data-gap="sm">
                  <div className="row">
                    <strong>{plan.productName ?? plan.priceId}</strong>
                    {plan.status ? <Badge>{t(`billing.status.${plan.status}` as MessageKey)}</Badge> : null}
                  </div>
                  {plan.unitAmount !== null && plan.currency ? <p>{t('billing.plan.price', { amount: formatMoney(plan.unitAmount, plan.currency), interval: plan.interval ?? 'month' })}</p> : null}
                  {plan.currentPeriodEnd && plan.status !== 'canceled' ? (
                    <p className="muted">{t(plan.cancelAtPeriodEnd ? 'billing.plan.cancels' : 'billing.plan.renews', { date: formatDate(plan.currentPeriodEnd) })}</p>
                  ) : null}
                </div>
              ) : (
                <p className="muted">{t('billing.plan.none')}</p>
              )}
              {canManage && hasSubscription ? (
                <div className="row">
                  <PortalButton flow="subscription_update" label={t('billing.plan.change')} labels={portalLabels} />
                  {plan?.cancelAtPeriodEnd ? null : <PortalButton flow="subscription_cancel" label={t('billing.plan.cancel')} labels={portalLabels} variant="secondary" />}
                </div>
              ) : null}
            </Card>
            <Card title={t('billing.card.title')}>
              {card?.last4 ? (
                <div className="stack" data-gap="sm">
                  <p data-testid="card-on-file">
                    <strong>
                      {brandName(card.brand ?? 'card')} <span aria-hidden="true">••••</span>
                      <span className="visually-hidden">{t('billing.card.endingIn')} </span>
                      {card.last4}
                    </strong>
                  </p>
                  {card.expMonth && card.expYear ? <p className="muted">{t('billing.card.expires', { month: String(card.expMonth).padStart(2, '0'), year: card.expYear })}</p> : null}
                </div>
              ) : (
                <p className="muted">{t('billing.card.none')}</p>
              )}
              {canManage ? <PortalButton flow="payment_method_update" label={t('billing.card.update')} labels={portalLabels} /> : null}
              <p className="muted">{t('billing.portal.hint')}</p>
            </Card>
            <Card title={t('billing.details.title')}>
              <p className="muted">{t('billing.details.intro')}</p>
              {snapshot ? (
                <BillingDetailsForm
                  details={snapshot.details}
                  verifications={(organization?.taxIds ?? []).map((taxId) => taxId.verificationStatus ?? null)}
                  countries={countryOptions()}
                  formatHints={taxIdFormatHints()}
                  canEdit={canManage}
                />
              ) : null}
            </Card>
            <p>
              {t('billing.invoices')} <a href="/account/invoices">{t('invoices.title')}</a>
            </p>
          </>
        )}
      </ScreenGuard>
    </div>
  )
}
