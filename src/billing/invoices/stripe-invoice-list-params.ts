import type Stripe from 'stripe'

import type { InvoiceFilters } from './invoice-query'

const startOfDay = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000)
const endOfDay = (date: string) => startOfDay(date) + 86_399

/**
 * The filters as Stripe's invoice list parameters, always scoped to the one customer. "Past due"
 * is Stripe's `open` narrowed to a due date before now; the date range is whole UTC days.
 */
export function stripeInvoiceListParams(customerId: string, filters: InvoiceFilters, now: Date): Stripe.InvoiceListParams {
  const created = filters.from || filters.to ? { ...(filters.from ? { gte: startOfDay(filters.from) } : {}), ...(filters.to ? { lte: endOfDay(filters.to) } : {}) } : undefined
  return {
    customer: customerId,
    ...(filters.status ? { status: filters.status === 'past_due' ? 'open' : filters.status } : {}),
    ...(filters.status === 'past_due' ? { due_date: { lt: Math.floor(now.getTime() / 1000) } } : {}),
    ...(created ? { created } : {}),
  }
}
