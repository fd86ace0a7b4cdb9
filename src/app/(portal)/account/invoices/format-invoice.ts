import type { InvoiceView } from '@/billing/invoices/invoice-view'
import { formatDate, formatMoney } from '@/i18n/formatters'
import type { Locale } from '@/i18n/t'

/** Shared by the server page and the rows "Load more" adds, so both render an invoice the same way, in the reader's language. */
export const formatInvoiceMoney = (amount: number, currency: string, locale: Locale = 'en') => formatMoney(amount, currency, { locale })

// Invoice dates are calendar dates in Stripe's UTC, the same for every reader; only how they are written changes.
export const formatInvoiceDate = (iso: string, locale: Locale = 'en') => formatDate(iso, { locale, timeZone: 'UTC' })

export const formatInvoicePeriod = (invoice: Pick<InvoiceView, 'periodStart' | 'periodEnd'>, locale: Locale = 'en') =>
  invoice.periodStart === invoice.periodEnd ? formatInvoiceDate(invoice.periodStart, locale) : `${formatInvoiceDate(invoice.periodStart, locale)} – ${formatInvoiceDate(invoice.periodEnd, locale)}`

/** 1536 → "1.5 KB": the ZIP's progress, in the units people read. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
