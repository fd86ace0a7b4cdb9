import { stringify } from 'csv-stringify/sync'

import { currencyDigits } from './currency-digits'
import type { InvoiceView } from './invoice-view'

export const INVOICE_CSV_COLUMNS = ['number', 'date', 'period', 'net', 'tax', 'total', 'currency', 'status'] as const

/** Minor units as the currency writes them: 12345 USD → "123.45", 500 JPY → "500". */
export function majorUnits(amount: number, currency: string): string {
  const digits = currencyDigits(currency)
  return (amount / 10 ** digits).toFixed(digits)
}

const day = (iso: string) => iso.slice(0, 10)

/**
 * The file the customer's finance team asked for: one row per invoice, amounts as decimals in the
 * invoice's currency, the period as an ISO 8601 interval, net = total − tax.
 */
export function invoicesCsv(invoices: InvoiceView[]): string {
  return stringify(
    invoices.map((invoice) => [
      invoice.number ?? invoice.id,
      day(invoice.created),
      `${day(invoice.periodStart)}/${day(invoice.periodEnd)}`,
      majorUnits(invoice.total - invoice.tax, invoice.currency),
      majorUnits(invoice.tax, invoice.currency),
      majorUnits(invoice.total, invoice.currency),
      invoice.currency.toUpperCase(),
      invoice.status,
    ]),
    { header: true, columns: [...INVOICE_CSV_COLUMNS] },
  )
}
