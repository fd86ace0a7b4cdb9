import type Stripe from 'stripe'

import { PortalError } from '../../lib/api/portal-error'
import { t } from '../../i18n/t'
import type { ListOptions } from './list-invoices'
import { stripeInvoiceListParams } from './stripe-invoice-list-params'

/** Every matching invoice (for the ZIP), refusing more than `max` so one download stays bounded. */
export async function listAllInvoices(stripe: Stripe, { customerId, filters, now, max }: Omit<ListOptions, 'cursor' | 'limit'> & { max: number }): Promise<Stripe.Invoice[]> {
  if (!customerId) return []
  const invoices: Stripe.Invoice[] = []
  for await (const invoice of stripe.invoices.list({ ...stripeInvoiceListParams(customerId, filters, now), limit: 100 })) {
    if (invoice.status === 'draft') continue
    invoices.push(invoice)
    if (invoices.length > max) throw new PortalError('invalid_request', t('invoices.archive.tooMany', { max }), { from: t('invoices.archive.tooMany', { max }) })
  }
  return invoices
}
