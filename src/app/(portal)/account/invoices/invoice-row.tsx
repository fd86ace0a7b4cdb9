import type { InvoiceView } from '@/billing/invoices/invoice-view'
import type { OfflinePaymentSummary } from '@/billing/offline-payments/offline-payments-view'
import { Badge } from '@/components/ui/Badge'
import type { MessageKey } from '@/i18n/en'
import { type Locale, t } from '@/i18n/t'

import { formatInvoiceDate, formatInvoiceMoney, formatInvoicePeriod } from './format-invoice'
import { RecordPayment } from './record-payment'

const STATUS_TONE: Partial<Record<InvoiceView['status'], 'danger' | 'success'>> = { paid: 'success', past_due: 'danger', uncollectible: 'danger' }

/** What the row says about the newest offline payment recorded against the invoice, if any. */
function offlinePaymentText(payment: OfflinePaymentSummary, invoice: InvoiceView, locale: Locale): string | null {
  const amount = formatInvoiceMoney(payment.amount, payment.currency, locale)
  if (payment.status === 'reported') return t('offlinePayments.status.reported', { amount, paidOn: formatInvoiceDate(payment.paidOn, locale) }, locale)
  if (payment.status === 'rejected') return invoice.status === 'paid' ? null : t('offlinePayments.status.rejected', { reason: payment.rejectionReason ?? '' }, locale)
  return invoice.status === 'paid' ? t('offlinePayments.status.confirmed', { amount }, locale) : null
}

/**
 * One invoice in the table; rendered on the server for the first page and in the browser for the
 * next. For those who may record offline payments (`canReport`) a Payment cell says when one waits
 * for confirmation or was rejected and, on an open invoice, offers "Record a payment". It is a cell
 * of its own so the status cell stays just the status.
 */
export function InvoiceRow({ invoice, offlinePayment, canReport = false, locale = 'en' }: { invoice: InvoiceView; offlinePayment?: OfflinePaymentSummary; canReport?: boolean; locale?: Locale }) {
  const number = invoice.number ?? invoice.id
  const note = offlinePayment ? offlinePaymentText(offlinePayment, invoice, locale) : null
  const payable = invoice.status === 'open' || invoice.status === 'past_due'
  return (
    <tr data-testid="invoice-row" data-invoice-id={invoice.id}>
      <th scope="row" tabIndex={-1}>{number}</th>
      <td><time dateTime={invoice.created}>{formatInvoiceDate(invoice.created, locale)}</time></td>
      <td>{formatInvoicePeriod(invoice, locale)}</td>
      <td data-testid="invoice-total">{formatInvoiceMoney(invoice.total, invoice.currency, locale)}</td>
      <td>{formatInvoiceMoney(invoice.tax, invoice.currency, locale)}</td>
      <td><Badge tone={STATUS_TONE[invoice.status]}>{t(`invoices.status.${invoice.status}` as MessageKey, {}, locale)}</Badge></td>
      {canReport ? (
        <td>
          <div className="stack" data-gap="sm">
            {note ? <span className="muted" role="status" data-testid="offline-payment-status">{note}</span> : null}
            {payable ? <RecordPayment invoiceId={invoice.id} number={number} amountDue={invoice.amountDue} currency={invoice.currency} waiting={offlinePayment?.status === 'reported'} /> : null}
          </div>
        </td>
      ) : null}
      <td>
        <a href={`/api/billing/invoices/${encodeURIComponent(invoice.id)}/pdf`} aria-label={t('invoices.pdf.label', { number }, locale)} download>
          {t('invoices.pdf', {}, locale)}
        </a>
      </td>
    </tr>
  )
}
