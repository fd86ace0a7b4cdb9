import { decodeJwt } from 'jose'
import type { CollectionAfterLoginHook } from 'payload'

import { startSession } from '../account/sessions/start-session'
import { isAuthCollection } from '../account/two-factor/principal'

/**
 * Runs inside every login's transaction (portal form, REST, GraphQL, password reset, /admin), for
 * customers and staff. Records the device, and for someone with two-factor on moves the new
 * session out of Payload's sessions table until a code is given: Payload's own JWT strategy then
 * refuses the token on every path.
 */
export const recordSessionStart: CollectionAfterLoginHook = async ({ collection, req, user, token }) => {
  const sid = decodeJwt(token).sid
  if (typeof sid !== 'string' || !isAuthCollection(collection.slug)) return user
  await startSession(req, { user, sid, collection: collection.slug })
  return user
}
