import { executeAuthStrategies } from 'payload'

import { touchSession } from '../../account/sessions/touch-session'
import type { PortalUser, SessionAdapter } from './types'

/**
 * Payload's own auth cookie (or `Authorization: JWT …`). Staff tokens are not portal sessions.
 * `payload.auth()` would also compute every collection's permissions; the portal only needs the
 * user, so it runs the auth strategies alone (JWT check + session lookup, nothing else).
 * A sign-in still owing its second factor has no entry in `users.sessions`, so it is refused here
 * like anywhere else in Payload; /sign-in/two-factor is where it goes.
 */
export const payloadSessionAdapter: SessionAdapter = {
  name: 'payload',
  async authenticate({ payload, headers }) {
    const { user } = await executeAuthStrategies({ headers, payload, canSetHeaders: false })
    if (!user || user.collection !== 'users') return null
    const sid = (user as { _sid?: unknown })._sid
    if (typeof sid === 'string') await touchSession(payload, sid)
    return user as PortalUser
  },
}
