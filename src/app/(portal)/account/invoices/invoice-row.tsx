import type { InvoiceView } from '@/billing/invoices/invoice-view'
import { Badge } from '@/components/ui/Badge'
import type { MessageKey } from '@/i18n/en'
import { t } from '@/i18n/t'

import { formatInvoiceDate, formatInvoiceMoney, formatInvoicePeriod } from './format-invoice'

const STATUS_TONE: Partial<Record<InvoiceView['status'], 'danger' | 'success'>> = { paid: 'success', past_due: 'danger', uncollectible: 'danger' }

/** One invoice in the table; rendered on the server for the first page and in the browser for the next. */
export function InvoiceRow({ invoice }: { invoice: InvoiceView }) {
  const number = invoice.number ?? invoice.id
  return (
    <tr data-testid="invoice-row" data-invoice-id={invoice.id}>
      <th scope="row" tabIndex={-1}>{number}</th>
      <td><time dateTime={invoice.created}>{formatInvoiceDate(invoice.created)}</time></td>
      <td>{formatInvoicePeriod(invoice)}</td>
      <td data-testid="invoice-total">{formatInvoiceMoney(invoice.total, invoice.currency)}</td>
      <td>{formatInvoiceMoney(invoice.tax, invoice.currency)}</td>
      <td><Badge tone={STATUS_TONE[invoice.status]}>{t(`invoices.status.${invoice.status}` as MessageKey)}</Badge></td>
      <td>
        <a href={`/api/billing/invoices/${encodeURIComponent(invoice.id)}/pdf`} aria-label={t('invoices.pdf.label', { number })} download>
          {t('invoices.pdf')}
        </a>
      </td>
    </tr>
  )
}
