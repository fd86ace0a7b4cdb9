import type { PayloadRequest } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { recordPortalChange } from '../../audit/record-portal-change'
import { extractId } from '../../lib/extract-id'
import type { OfflinePayment } from '../../payload-types'
import { offlinePaymentEventData } from './offline-payment-event-data'

type Decision = { status: 'confirmed' | 'rejected'; rejectionReason?: string }

/**
 * Staff's decision on a locked, still-reported payment: the record's new status, its audit row and
 * the `billing.offline_payment_<status>` event (the billing contacts' email), in `req`'s transaction.
 */
export async function recordDecision(req: PayloadRequest, payment: OfflinePayment, actor: AuditActor, { status, rejectionReason }: Decision, now: Date) {
  const decidedAt = now.toISOString()
  const action = `billing.offline_payment_${status}` as const
  const changes: Record<string, [unknown, unknown]> = { status: ['reported', status] }
  if (rejectionReason !== undefined) changes.reason = [null, rejectionReason]
  const rejection = rejectionReason === undefined ? {} : { rejectionReason }
  await recordPortalChange(
    req,
    {
      actor,
      organization: extractId(payment.organization),
      entity: { type: 'offline-payments', id: payment.id },
      action,
      before: { status: payment.status },
      event: { type: action, data: offlinePaymentEventData(payment, changes) },
    },
    async (req) => {
      await req.payload.update({ collection: 'offline-payments', id: payment.id, data: { status, ...rejection, decidedBy: actor.user?.id ?? null, decidedAt }, depth: 0, overrideAccess: true, req })
      return { after: { status, ...rejection, decidedAt } }
    },
  )
  return { id: payment.id, status, decidedAt }
}
