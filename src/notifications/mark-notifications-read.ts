import type { Payload } from 'payload'

import type { PortalUser } from '../auth/portal-session'

/**
 * Marks the member's own notifications read: the given ids, or all unread in the organization.
 * Not an audited change: it is the reader's inbox state, not a change to the account support
 * would ever need to reconstruct, and auditing it would bury the trail in "notification read".
 */
export async function markNotificationsRead(
  payload: Payload,
  { user, organizationId, ids }: { user: PortalUser; organizationId: number; ids: number[] | 'all' },
): Promise<{ marked: number }> {
  const { docs } = await payload.update({
    collection: 'notifications',
    where: {
      user: { equals: user.id },
      organization: { equals: organizationId },
      readAt: { exists: false },
      ...(ids === 'all' ? {} : { id: { in: ids } }),
    },
    data: { readAt: new Date().toISOString() },
    depth: 0,
    user,
    overrideAccess: false,
  })
  return { marked: docs.length }
}
