import Stripe from 'stripe'

import { PortalError } from '../../lib/api/portal-error'
import { t } from '../../i18n/t'

/** Stripe invoice ids as the PDF route accepts them; anything else is not an invoice of ours. */
export const INVOICE_ID = /^in_[A-Za-z0-9]{1,200}$/

/**
 * The invoice, if it is one of the customer's finalized invoices. Anything else — a malformed id,
 * an id Stripe doesn't know, another customer's invoice, a draft — is the same 404, so the answer
 * says nothing about invoices that aren't the caller's.
 */
export async function findOrganizationInvoice(stripe: Stripe, customerId: string | null, invoiceId: string | undefined): Promise<Stripe.Invoice> {
  const notFound = new PortalError('not_found', t('api.error.notFound'))
  if (!customerId || !invoiceId || !INVOICE_ID.test(invoiceId)) throw notFound
  let invoice: Stripe.Invoice
  try {
    invoice = await stripe.invoices.retrieve(invoiceId)
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) throw notFound
    throw error
  }
  const owner = typeof invoice.customer === 'string' ? invoice.customer : invoice.customer?.id
  if (owner !== customerId || invoice.status === 'draft' || !invoice.invoice_pdf) throw notFound
  return invoice
}
