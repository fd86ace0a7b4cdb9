import { decodeJwt } from 'jose'
import type { CollectionAfterLoginHook } from 'payload'

import { startSession } from '../../../account/sessions/start-session'

/**
 * Runs inside every login's transaction (portal form, REST, GraphQL, password reset). Records the
 * device, and for a user with two-factor on moves the new session out of `users.sessions` until
 * a code is given: Payload's own JWT strategy then refuses the token on every path.
 */
export const recordSessionStart: CollectionAfterLoginHook = async ({ req, user, token }) => {
  const sid = decodeJwt(token).sid
  if (typeof sid !== 'string') return user
  await startSession(req, { user, sid })
  return user
}
