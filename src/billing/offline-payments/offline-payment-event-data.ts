import { formatMoney } from '../../i18n/formatters'

// Support's Slack and the audit trail read English; the email is the catalog's English too.
const money = (minor: number, currency: string) => formatMoney(minor, currency, { locale: 'en' })

type Facts = { invoiceNumber?: string | null; stripeInvoiceId: string; amount: number; currency: string; amountDue: number; reference: string }

/**
 * What Slack, the email and the bell say about an offline payment, as the `changes` lines every
 * channel renders ("amount: — → $1,250.00"): which invoice, how much against how much was due, the reference.
 */
export function offlinePaymentEventData(payment: Facts, extra: Record<string, [unknown, unknown]> = {}): { changes: Record<string, [unknown, unknown]> } {
  return {
    changes: {
      invoice: [null, payment.invoiceNumber ?? payment.stripeInvoiceId],
      amount: [null, money(payment.amount, payment.currency)],
      amountDue: [null, money(payment.amountDue, payment.currency)],
      reference: [null, payment.reference],
      ...extra,
    },
  }
}
