import type { Payload } from 'payload'

import type { Notification, User } from '../payload-types'
import { countUnreadNotifications } from './count-unread-notifications'

/** The member's notifications in the current organization, newest first, and how many are unread. */
export async function listNotifications(
  payload: Payload,
  { user, organizationId, limit = 20 }: { user: User; organizationId: number; limit?: number },
): Promise<{ notifications: Notification[]; unread: number }> {
  const asUser = { ...user, collection: 'users' as const }
  const mine = { user: { equals: user.id }, organization: { equals: organizationId } }
  const [list, unread] = await Promise.all([
    payload.find({ collection: 'notifications', where: mine, sort: '-createdAt', limit, depth: 0, user: asUser, overrideAccess: false }),
    countUnreadNotifications(payload, { userId: user.id, organizationId }),
  ])
  return { notifications: list.docs, unread }
}
