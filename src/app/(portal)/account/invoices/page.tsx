import { canPerform } from '@/access/can-perform'
import { getRequestLocale } from '@/auth/request-locale'
import { requireScreen } from '@/auth/require-screen'
import { invoiceDatePresets } from '@/billing/invoices/invoice-date-presets'
import { INVOICE_STATUSES, parseInvoiceFilters } from '@/billing/invoices/invoice-query'
import type { InvoicePage } from '@/billing/invoices/invoice-view'
import { listInvoices } from '@/billing/invoices/list-invoices'
import { organizationStripeCustomer } from '@/billing/invoices/organization-stripe-customer'
import { offlinePaymentsView, type OfflinePaymentsView } from '@/billing/offline-payments/offline-payments-view'
import { getStripe } from '@/billing/stripe'
import { ScreenGuard } from '@/components/ScreenGuard'
import { Card } from '@/components/ui/Card'
import type { MessageKey } from '@/i18n/en'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'

import { PortalButton } from '../billing/portal-button'
import { DownloadZip } from './download-zip'
import { formatInvoiceDate } from './format-invoice'
import { InvoiceRow } from './invoice-row'
import { LoadMoreInvoices } from './load-more-invoices'
import { localizedTitle } from '../../localized-title'

export const generateMetadata = localizedTitle('invoices.title')

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/**
 * The organization's invoices from Stripe for owners, admins and billing: filters in the URL (a
 * plain GET form, so they work before any script loads and can be bookmarked), date presets
 * computed from the server's clock, the first page rendered here and the rest through "Load more".
 */
export default async function InvoicesPage({ searchParams }: { searchParams: SearchParams }) {
  const [access, { locale }] = await Promise.all([requireScreen('invoices'), getRequestLocale()])
  const { session } = access
  const organization = session.organization
  const filters = parseInvoiceFilters(await searchParams)
  const now = new Date()
  let page: InvoicePage = { invoices: [], hasMore: false, nextCursor: null }
  let offline: OfflinePaymentsView = { canReport: false, byInvoice: {} }
  if (access.allowed && organization) {
    const payload = await payloadInstance()
    page = await listInvoices(getStripe(), { customerId: await organizationStripeCustomer(payload, session.user, organization.id), filters, now })
    offline = await offlinePaymentsView(payload, { organizationId: organization.id, actor: { userId: session.user.id, role: organization.role }, invoiceIds: page.invoices.map((invoice) => invoice.id) })
  }
  const canManage = organization ? canPerform({ userId: session.user.id, role: organization.role }, 'billing.manage').allowed : false
  const filterQuery = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])))
  const filtered = filterQuery.size > 0
  const presets = invoiceDatePresets(now)
  const presetHref = (from: string, to: string) => `/account/invoices?${new URLSearchParams({ ...(filters.status ? { status: filters.status } : {}), from, to })}`

  return (
    <div className="stack">
      <h1>{t('invoices.title', {}, locale)}</h1>
      <ScreenGuard access={access} locale={locale}>
        <p className="muted">{t('invoices.intro', { organization: organization?.name ?? '' }, locale)}</p>
        <Card>
          <div className="stack">
            <nav aria-label={t('invoices.filter.presets', {}, locale)} className="row">
              {presets.map((preset) => {
                const current = filters.from === preset.from && filters.to === preset.to
                return (
                  <a key={preset.id} className="button" data-variant="secondary" href={presetHref(preset.from, preset.to)} aria-current={current ? 'true' : undefined}>
                    {t(`invoices.preset.${preset.id}` as MessageKey, {}, locale)}
                  </a>
                )
              })}
            </nav>
            <form method="get" className="row">
              <div className="field">
                <label htmlFor="invoices-status">{t('invoices.filter.status', {}, locale)}</label>
                <select id="invoices-status" name="status" defaultValue={filters.status ?? ''}>
                  <option value="">{t('invoices.filter.anyStatus', {}, locale)}</option>
                  {INVOICE_STATUSES.map((status) => (
                    <option key={status} value={status}>{t(`invoices.status.${status}` as MessageKey, {}, locale)}</option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="invoices-from">{t('invoices.filter.from', {}, locale)}</label>
                <input id="invoices-from" type="date" name="from" defaultValue={filters.from ?? ''} />
              </div>
              <div className="field">
                <label htmlFor="invoices-to">{t('invoices.filter.to', {}, locale)}</label>
                <input id="invoices-to" type="date" name="to" defaultValue={filters.to ?? ''} />
              </div>
              <button type="submit" className="button" data-variant="secondary">{t('invoices.filter.apply', {}, locale)}</button>
              {filtered ? <a href="/account/invoices">{t('invoices.filter.clear', {}, locale)}</a> : null}
            </form>
          </div>
        </Card>
        {page.invoices.length === 0 && !page.hasMore ? (
          <Card>
            <p className="muted" data-testid="invoices-empty">{t(filtered ? 'invoices.emptyFiltered' : 'invoices.empty', {}, locale)}</p>
          </Card>
        ) : (
          <div className="table-scroll" role="region" aria-label={t('invoices.table.caption', { organization: organization?.name ?? '' }, locale)} tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">{t('invoices.table.caption', { organization: organization?.name ?? '' }, locale)}</caption>
              <thead>
                <tr>
                  {(['number', 'date', 'period', 'amount', 'tax', 'status', ...(offline.canReport ? (['payment'] as const) : []), 'pdf'] as const).map((column) => (
                    <th key={column} scope="col">{t(`invoices.column.${column}`, {}, locale)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.invoices.map((invoice) => <InvoiceRow key={invoice.id} invoice={invoice} offlinePayment={offline.byInvoice[invoice.id]} canReport={offline.canReport} locale={locale} />)}
              </tbody>
              {/* Keyed by the filters so a new filter starts a fresh "Load more" rather than appending to the old one. */}
              <LoadMoreInvoices key={filterQuery.toString()} filterQuery={filterQuery.toString()} initialCursor={page.nextCursor} canReport={offline.canReport} />
            </table>
          </div>
        )}
        <Card title={t('invoices.zip.title', {}, locale)}>
          {filters.from && filters.to ? (
            <div className="stack" data-gap="sm">
              <p className="muted">{t('invoices.zip.hint', { from: formatInvoiceDate(filters.from, locale), to: formatInvoiceDate(filters.to, locale) }, locale)}</p>
              <DownloadZip archiveQuery={filterQuery.toString()} />
            </div>
          ) : (
            <p className="muted">{t('invoices.zip.needsRange', {}, locale)}</p>
          )}
        </Card>
        {canManage ? (
          <div className="stack" data-gap="sm">
            <PortalButton label={t('invoices.manage', {}, locale)} labels={{ opening: t('billing.portal.opening', {}, locale), error: t('billing.portal.error', {}, locale) }} variant="secondary" />
            <p className="muted">{t('invoices.manage.hint', {}, locale)}</p>
          </div>
        ) : null}
      </ScreenGuard>
    </div>
  )
}
