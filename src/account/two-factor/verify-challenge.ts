import type { Payload } from 'payload'

import { withTransaction } from '../../lib/with-transaction'
import { addSession } from '../sessions/session-store'
import { checkSecondFactor } from './check-second-factor'
import type { PendingChallenge } from './pending-challenge'

/**
 * Completes a sign-in: with a right code the pending session joins `users.sessions`, and from the
 * next request on the same token is a full session on every path. Wrong codes count toward the lock.
 */
export async function verifyChallenge(payload: Payload, challenge: PendingChallenge, code: string): Promise<{ method: 'totp' | 'recovery' }> {
  const method = await checkSecondFactor(payload, challenge.userId, code)
  await withTransaction(payload, async (req) => {
    const record = await payload.update({ collection: 'user-sessions', id: challenge.recordId, data: { pendingSecondFactor: false, lastSeenAt: new Date().toISOString() }, depth: 0, overrideAccess: true, req, showHiddenFields: true })
    const expiresAt = record.expiresAt ?? new Date(Date.now() + payload.collections.users.config.auth.tokenExpiration * 1000).toISOString()
    await addSession({ payload, req }, challenge.userId, { id: challenge.sid, createdAt: record.createdAt, expiresAt })
  })
  return { method }
}
