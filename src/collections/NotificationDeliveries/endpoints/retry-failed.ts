import type { Endpoint } from 'payload'

import { isStaff } from '../../../access/actor-memberships'
import { retryFailedDeliveries } from '../../../notifications/retry-failed-deliveries'

/** POST /api/notification-deliveries/retry-failed — the list's "Retry all failed" button (staff only). */
export const retryFailed: Endpoint = {
  path: '/retry-failed',
  method: 'post',
  handler: async (req) => {
    if (!isStaff(req) || !req.user) return Response.json({ error: 'Staff only.' }, { status: 403 })
    const result = await retryFailedDeliveries(req.payload, req.user)
    const message = result.retried === 0 ? 'No failed deliveries.' : `Queued ${result.retried} failed deliveries again${result.remaining ? `; ${result.remaining} left — press again` : ''}.`
    return Response.json({ ...result, message })
  },
}
