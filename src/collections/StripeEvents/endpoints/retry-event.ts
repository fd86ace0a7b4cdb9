import type { Endpoint } from 'payload'

import { isStaff } from '../../../access/actor-memberships'
import { parseRecordId } from '../../../lib/api/record-id'
import { retryStripeEvent } from '../../../billing/webhooks/retry-stripe-event'

/** POST /api/stripe-events/:id/retry — the ledger's "Retry" button (staff only). */
export const retryEvent: Endpoint = {
  path: '/:id/retry',
  method: 'post',
  handler: async (req) => {
    if (!isStaff(req)) return Response.json({ error: 'Staff only.' }, { status: 403 })
    const id = parseRecordId(req.routeParams?.id)
    const retried = id === null ? null : await retryStripeEvent(req.payload, id, req.user)
    if (!retried) return Response.json({ error: 'No such Stripe event.' }, { status: 404 })
    return Response.json({ doc: retried, message: 'Queued for processing again.' })
  },
}
