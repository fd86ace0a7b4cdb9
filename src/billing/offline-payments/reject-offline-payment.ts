import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../../lib/api/unstorable-text'
import { withTransaction } from '../../lib/with-transaction'
import { lockReportedPayment } from './lock-reported-payment'
import { recordDecision } from './record-decision'

export const REJECTION_REASON_MAX = 500

/**
 * Staff's "Reject", with the reason the billing contacts are emailed (money not received, wrong
 * invoice…). Stripe is not touched: the invoice stays open, and the customer can record again.
 */
export async function rejectOfflinePayment(payload: Payload, { id, reason, actor, now }: { id: number; reason: unknown; actor: AuditActor; now: Date }) {
  const text = typeof reason === 'string' ? reason.trim() : ''
  if (!text || text.length > REJECTION_REASON_MAX) throw new PortalError('invalid_request', t('api.error.invalid'), { reason: t('offlinePayments.error.reason', { max: REJECTION_REASON_MAX }) })
  if (findUnstorableText(text)) throw new PortalError('invalid_request', t('api.error.invalid'), { reason: UNSTORABLE_TEXT_MESSAGE })
  return withTransaction(payload, async (req) => {
    const payment = await lockReportedPayment(req, id)
    return recordDecision(req, payment, actor, { status: 'rejected', rejectionReason: text }, now)
  }, { user: actor.user as never })
}
