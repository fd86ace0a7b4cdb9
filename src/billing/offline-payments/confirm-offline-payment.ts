import type { Payload } from 'payload'
import Stripe from 'stripe'

import type { AuditActor } from '../../audit/actor'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { withTransaction } from '../../lib/with-transaction'
import { lockReportedPayment } from './lock-reported-payment'
import { recordDecision } from './record-decision'

/**
 * Staff's "Confirm": Stripe marks the invoice paid out of band first, then the record becomes
 * `confirmed` with its audit row and event (the billing contacts' email) in the same transaction
 * that holds the record's lock. Stripe down or refusing → nothing here changes. The idempotency key
 * is the record's, so a retry after a local failure finds Stripe's first answer instead of paying twice.
 */
export async function confirmOfflinePayment(payload: Payload, { id, actor, stripe, now }: { id: number; actor: AuditActor; stripe: Stripe; now: Date }) {
  return withTransaction(payload, async (req) => {
    const payment = await lockReportedPayment(req, id)
    try {
      await stripe.invoices.pay(payment.stripeInvoiceId, { paid_out_of_band: true }, { idempotencyKey: `offline-payment-${payment.id}-confirm` })
    } catch (error) {
      // Already paid (by card meanwhile), voided: Stripe's reason, for staff to act on.
      if (error instanceof Stripe.errors.StripeInvalidRequestError) throw new PortalError('conflict', t('offlinePayments.error.stripeRefused', { reason: error.message }))
      throw error
    }
    return recordDecision(req, payment, actor, { status: 'confirmed' }, now)
  }, { user: actor.user as never })
}
