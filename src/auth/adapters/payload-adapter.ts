import { executeAuthStrategies } from 'payload'

import type { User } from '../../payload-types'
import type { SessionAdapter } from './types'

/**
 * Payload's own auth cookie (or `Authorization: JWT …`). Staff tokens are not portal sessions.
 * `payload.auth()` would also compute every collection's permissions; the portal only needs the
 * user, so it runs the auth strategies alone (JWT check + session lookup, nothing else).
 */
export const payloadSessionAdapter: SessionAdapter = {
  name: 'payload',
  async authenticate({ payload, headers }) {
    const { user } = await executeAuthStrategies({ headers, payload, canSetHeaders: false })
    if (!user || user.collection !== 'users') return null
    return user as User & { collection: 'users' }
  },
}
