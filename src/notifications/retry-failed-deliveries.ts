import type { Payload, TypedUser } from 'payload'

import { withTransaction } from '../lib/with-transaction'

/** One click retries at most this many; the button says how many are left. */
export const RETRY_BATCH = 500

export type RetryFailedResult = { retried: number; remaining: number }

/**
 * "Retry all failed" in /admin: every failed delivery (oldest first, up to RETRY_BATCH) goes back to
 * pending in one transaction. The per-row hook queues its job with the same transaction, so a
 * delivery is pending exactly when its job exists — a crash mid-way retries none of them.
 */
export async function retryFailedDeliveries(payload: Payload, user: TypedUser): Promise<RetryFailedResult> {
  return withTransaction(
    payload,
    async (req) => {
      const { docs } = await payload.update({
        collection: 'notification-deliveries',
        where: { status: { equals: 'failed' } },
        data: { status: 'pending' },
        sort: 'createdAt',
        limit: RETRY_BATCH,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const { totalDocs: remaining } = await payload.count({ collection: 'notification-deliveries', where: { status: { equals: 'failed' } }, overrideAccess: true, req })
      return { retried: docs.length, remaining }
    },
    { user },
  )
}
