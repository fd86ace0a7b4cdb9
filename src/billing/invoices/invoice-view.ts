import type Stripe from 'stripe'

import type { InvoiceStatus } from './invoice-query'

/** One invoice as the portal shows and exports it: amounts in the currency's minor unit, dates ISO 8601. */
export type InvoiceView = {
  id: string
  number: string | null
  status: InvoiceStatus
  currency: string
  subtotal: number
  tax: number
  total: number
  amountDue: number
  created: string
  periodStart: string
  periodEnd: string
  hostedInvoiceUrl: string | null
}

export type InvoicePage = { invoices: InvoiceView[]; hasMore: boolean; nextCursor: string | null }

const iso = (seconds: number) => new Date(seconds * 1000).toISOString()

/** Open and past its due date: what the customer's finance team calls overdue. */
export const isPastDue = (invoice: Pick<Stripe.Invoice, 'status' | 'due_date'>, now: Date) =>
  invoice.status === 'open' && invoice.due_date !== null && invoice.due_date * 1000 < now.getTime()

/**
 * The service period is the lines' (a renewal invoice's own `period_*` is the previous period's
 * pending items); an invoice without dated lines falls back to its own.
 */
function periodOf(invoice: Stripe.Invoice): { start: number; end: number } {
  const periods = invoice.lines.data.map((line) => line.period)
  if (periods.length === 0) return { start: invoice.period_start, end: invoice.period_end }
  return { start: Math.min(...periods.map((period) => period.start)), end: Math.max(...periods.map((period) => period.end)) }
}

export function invoiceView(invoice: Stripe.Invoice, now: Date): InvoiceView {
  const tax = (invoice.total_taxes ?? []).reduce((sum, entry) => sum + entry.amount, 0)
  const period = periodOf(invoice)
  return {
    id: invoice.id,
    number: invoice.number,
    status: isPastDue(invoice, now) ? 'past_due' : (invoice.status as Exclude<InvoiceStatus, 'past_due'>),
    currency: invoice.currency,
    subtotal: invoice.subtotal,
    tax,
    total: invoice.total,
    amountDue: invoice.amount_due,
    created: iso(invoice.created),
    periodStart: iso(period.start),
    periodEnd: iso(period.end),
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
  }
}
