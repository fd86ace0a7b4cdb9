import type { User } from '../../payload-types'
import type { SessionAdapter } from './types'

/** Payload's own auth cookie (or `Authorization: JWT …`). Staff tokens are not portal sessions. */
export const payloadSessionAdapter: SessionAdapter = {
  name: 'payload',
  async authenticate({ payload, headers }) {
    const { user } = await payload.auth({ headers })
    if (!user || user.collection !== 'users') return null
    return user as User & { collection: 'users' }
  },
}
