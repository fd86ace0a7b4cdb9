import { currencyDigits } from '@/billing/invoices/currency-digits'
import type { InvoiceView } from '@/billing/invoices/invoice-view'

/** Shared by the server page and the rows "Load more" adds, so both render an invoice the same way. */
export const formatInvoiceMoney = (amount: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 10 ** currencyDigits(currency))

export const formatInvoiceDate = (iso: string) => new Date(iso).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' })

export const formatInvoicePeriod = (invoice: Pick<InvoiceView, 'periodStart' | 'periodEnd'>) =>
  invoice.periodStart === invoice.periodEnd ? formatInvoiceDate(invoice.periodStart) : `${formatInvoiceDate(invoice.periodStart)} – ${formatInvoiceDate(invoice.periodEnd)}`

/** 1536 → "1.5 KB": the ZIP's progress, in the units people read. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
