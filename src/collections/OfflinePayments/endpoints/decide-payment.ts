import type { Endpoint, PayloadRequest } from 'payload'

import { isStaff } from '../../../access/actor-memberships'
import { actorFromRequest } from '../../../audit/actor'
import { confirmOfflinePayment } from '../../../billing/offline-payments/confirm-offline-payment'
import { rejectOfflinePayment } from '../../../billing/offline-payments/reject-offline-payment'
import { getStripe } from '../../../billing/stripe'
import { knownFailure } from '../../../lib/api/known-failure'
import { PortalError } from '../../../lib/api/portal-error'
import { parseRecordId } from '../../../lib/api/record-id'

type Decide = (req: PayloadRequest, id: number) => Promise<{ status: string }>

/** Answered as the admin's buttons read it: `{ message }` on success, `{ error, fields }` with the status the failure maps to. */
const decision =
  (path: string, decide: Decide, done: string): Endpoint => ({
    path,
    method: 'post',
    handler: async (req) => {
      if (!isStaff(req)) return Response.json({ error: 'Staff only.' }, { status: 403 })
      const id = parseRecordId(req.routeParams?.id)
      if (id === null) return Response.json({ error: 'No such offline payment.' }, { status: 404 })
      try {
        const result = await decide(req, id)
        return Response.json({ ...result, message: done })
      } catch (thrown) {
        const error = knownFailure(thrown) ?? thrown
        if (error instanceof PortalError) return Response.json({ error: error.fields ? Object.values(error.fields)[0] : error.message, fields: error.fields }, { status: error.status })
        throw error
      }
    },
  })

const bodyOf = async (req: PayloadRequest): Promise<{ reason?: unknown }> => {
  try {
    return ((await req.json?.()) ?? {}) as { reason?: unknown }
  } catch {
    return {}
  }
}

/** POST /api/offline-payments/:id/confirm — Stripe marks the invoice paid out of band, then the record is confirmed (staff only). */
export const confirmPayment = decision('/:id/confirm', (req, id) => confirmOfflinePayment(req.payload, { id, actor: actorFromRequest(req), stripe: getStripe(), now: new Date() }), 'Confirmed: the invoice is paid in Stripe and the billing contacts are told.')

/** POST /api/offline-payments/:id/reject `{ reason }` — the invoice stays open; the billing contacts get the reason (staff only). */
export const rejectPayment = decision('/:id/reject', async (req, id) => rejectOfflinePayment(req.payload, { id, reason: (await bodyOf(req)).reason, actor: actorFromRequest(req), now: new Date() }), 'Rejected: the billing contacts are told why.')
