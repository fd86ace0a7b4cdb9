import type { Payload } from 'payload'

import { withTransaction } from '../../lib/with-transaction'
import { addSession } from '../sessions/session-store'
import { checkSecondFactor } from './check-second-factor'
import type { PendingChallenge } from './pending-challenge'

/**
 * Completes a sign-in (a customer's or a staff member's): with a right code the pending session
 * joins Payload's sessions table, and from the next request on the same token is a full session on
 * every path. Wrong codes count toward the lock.
 */
export async function verifyChallenge(payload: Payload, challenge: PendingChallenge, code: string): Promise<{ method: 'totp' | 'recovery' }> {
  const { collection } = challenge
  const method = await checkSecondFactor(payload, { collection, id: challenge.userId }, code)
  await withTransaction(payload, async (req) => {
    const record = await payload.update({ collection: 'user-sessions', id: challenge.recordId, data: { pendingSecondFactor: false, lastSeenAt: new Date().toISOString() }, depth: 0, overrideAccess: true, req, showHiddenFields: true })
    const expiresAt = record.expiresAt ?? new Date(Date.now() + payload.collections[collection].config.auth.tokenExpiration * 1000).toISOString()
    await addSession({ payload, req, collection }, challenge.userId, { id: challenge.sid, createdAt: record.createdAt, expiresAt })
  })
  return { method }
}
