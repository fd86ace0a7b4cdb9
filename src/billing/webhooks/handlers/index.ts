import { invoicePaymentFailed } from './invoice-payment-failed'
import { syncFromStripe } from './sync-from-stripe'
import { syncTaxId } from './sync-tax-id'
import type { StripeEventHandler } from './types'

/**
 * The allow-list: the only event types the portal acts on, each with its handler. Anything else is
 * acknowledged and recorded as ignored. Most share `syncFromStripe` because the portal's
 * answer to each of them is the same — re-read the customer — rather than one copy per type.
 */
export const stripeEventHandlers = {
  'customer.updated': syncFromStripe,
  'customer.deleted': syncFromStripe,
  'customer.tax_id.created': syncTaxId,
  'customer.tax_id.updated': syncTaxId,
  'customer.tax_id.deleted': syncTaxId,
  'payment_method.attached': syncFromStripe,
  'payment_method.detached': syncFromStripe,
  'customer.subscription.created': syncFromStripe,
  'customer.subscription.updated': syncFromStripe,
  'customer.subscription.deleted': syncFromStripe,
  'invoice.finalized': syncFromStripe,
  'invoice.paid': syncFromStripe,
  'invoice.payment_failed': invoicePaymentFailed,
  'invoice.voided': syncFromStripe,
  'invoice.marked_uncollectible': syncFromStripe,
} satisfies Record<string, StripeEventHandler>

export type HandledEventType = keyof typeof stripeEventHandlers

export const isHandledEventType = (type: string): type is HandledEventType => Object.hasOwn(stripeEventHandlers, type)
