import type Stripe from 'stripe'

import { recordPortalChange } from '../../../audit/record-portal-change'
import { syncFromStripe } from './sync-from-stripe'
import type { StripeEventHandler } from './types'

const money = (amount: number, currency: string) => `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`

/**
 * A failed charge changes the subscription's status (synced like any other change) and is worth
 * telling the billing people about — once per event, even when the ledger is replayed, and only
 * while the invoice, re-read from Stripe, is still unpaid.
 */
export const invoicePaymentFailed: StripeEventHandler = async (context) => {
  await syncFromStripe(context)
  const { req, event, organizationId, actor } = context
  const announced = await req.payload.count({
    collection: 'portal-audit',
    where: { action: { equals: 'billing.payment_failed' }, requestId: { equals: event.id } },
    overrideAccess: true,
    req,
  })
  if (announced.totalDocs > 0) return
  // The event is a snapshot from when it was sent and may arrive late (after the retry that paid
  // it): the invoice as Stripe has it now decides whether there is anything to tell.
  const sent = event.data.object as Stripe.Invoice
  if (!sent.id) return
  const invoice = await context.stripe.invoices.retrieve(sent.id)
  if (invoice.status !== 'open' || invoice.amount_remaining <= 0) return
  const details = { invoice: invoice.number ?? invoice.id, amountDue: money(invoice.amount_remaining, invoice.currency), hostedInvoiceUrl: invoice.hosted_invoice_url ?? null }
  await recordPortalChange(
    req,
    {
      actor,
      organization: organizationId,
      entity: { type: 'invoice', id: invoice.id },
      action: 'billing.payment_failed',
      event: { type: 'billing.payment_failed', data: { changes: { [`invoice ${details.invoice}`]: [null, `${details.amountDue} not paid`] }, ...details } },
    },
    async () => ({ after: details }),
  )
}
