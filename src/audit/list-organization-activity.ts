import type { Payload, Where } from 'payload'

import type { PortalUser } from '../auth/portal-session'
import type { PortalAudit } from '../payload-types'
import { type ActivityCursor, encodeActivityCursor } from './activity-cursor'

export type ActivityFilter = { organizationId: number; actorUserId?: number; action?: string; cursor?: ActivityCursor | null; limit?: number }

export type ActivityPage = { entries: PortalAudit[]; nextCursor: string | null }

/**
 * An organization's timeline, newest first, read as the customer (their role must allow
 * activity.read there). Keyset pagination on (createdAt, id): `createdAt <= cursor` bounds the
 * index scan, the OR only breaks ties, so page 1,000 costs what page 1 does.
 */
export async function listOrganizationActivity(payload: Payload, user: PortalUser, filter: ActivityFilter): Promise<ActivityPage> {
  const limit = Math.min(filter.limit ?? 25, 100)
  const and: Where[] = [{ organization: { equals: filter.organizationId } }]
  if (filter.actorUserId) and.push({ actorUser: { equals: filter.actorUserId } })
  if (filter.action) and.push({ action: { equals: filter.action } })
  if (filter.cursor) {
    and.push({ createdAt: { less_than_equal: filter.cursor.createdAt } })
    and.push({ or: [{ createdAt: { less_than: filter.cursor.createdAt } }, { id: { less_than: filter.cursor.id } }] })
  }
  const { docs } = await payload.find({
    collection: 'portal-audit',
    where: { and },
    sort: ['-createdAt', '-id'],
    limit: limit + 1,
    pagination: false,
    depth: 0,
    user,
    overrideAccess: false,
  })
  const entries = docs.slice(0, limit)
  const last = entries.at(-1)
  return { entries, nextCursor: docs.length > limit && last ? encodeActivityCursor({ createdAt: last.createdAt, id: last.id }) : null }
}
