import type Stripe from 'stripe'

import { PortalError } from '../../lib/api/portal-error'
import { t } from '../../i18n/t'
import type { InvoiceFilters } from './invoice-query'
import { invoiceView, type InvoicePage } from './invoice-view'
import { stripeInvoiceListParams } from './stripe-invoice-list-params'

export const INVOICE_PAGE_SIZE = 25

export type ListOptions = { customerId: string | null; filters: InvoiceFilters; cursor?: string; limit?: number; now: Date }

/**
 * One page of the customer's invoices, newest first, through Stripe's cursor: `nextCursor` is the
 * last invoice id of this page, passed back as `starting_after`. Drafts are Stripe's work in
 * progress, not the customer's, and are left out. An organization without a Stripe customer has none.
 */
export async function listInvoices(stripe: Stripe, { customerId, filters, cursor, limit = INVOICE_PAGE_SIZE, now }: ListOptions): Promise<InvoicePage> {
  if (!customerId) return { invoices: [], hasMore: false, nextCursor: null }
  let page: Stripe.ApiList<Stripe.Invoice>
  try {
    page = await stripe.invoices.list({ ...stripeInvoiceListParams(customerId, filters, now), limit, ...(cursor ? { starting_after: cursor } : {}) })
  } catch (error) {
    // A cursor that isn't one of this customer's invoices (stale, or someone else's).
    if (cursor && (error as { param?: string }).param === 'starting_after') throw new PortalError('invalid_request', t('api.error.invalid'), { cursor: 'This page link is no longer valid.' })
    throw error
  }
  const last = page.data.at(-1)
  return {
    invoices: page.data.filter((invoice) => invoice.status !== 'draft').map((invoice) => invoiceView(invoice, now)),
    hasMore: page.has_more,
    nextCursor: page.has_more && last ? last.id : null,
  }
}
