import type { Payload, PayloadRequest } from 'payload'

import { withTransaction } from '../../lib/with-transaction'
import { queueStripeEventProcessing } from './queue-stripe-event-processing'

/**
 * Staff's "Retry" on a ledger row: back to `received` with a fresh processing job, in one
 * transaction, so the job exists exactly when the status does. Processing is idempotent, so a
 * retry of an event that already applied changes nothing. `null` for an id that isn't a row.
 */
export async function retryStripeEvent(payload: Payload, ledgerId: number, staff: PayloadRequest['user']): Promise<{ id: number; status: string } | null> {
  return withTransaction(
    payload,
    async (req) => {
      const row = await payload.findByID({ collection: 'stripe-events', id: ledgerId, depth: 0, req, disableErrors: true })
      if (!row) return null
      const updated = await payload.update({ collection: 'stripe-events', id: ledgerId, data: { status: 'received', reason: null }, depth: 0, req })
      await queueStripeEventProcessing(req, ledgerId)
      return { id: updated.id, status: updated.status }
    },
    { user: staff },
  )
}
