import type { Payload } from 'payload'

import type { PortalAudit } from '../payload-types'

/** Names for the ids a page of the timeline mentions: people, and which person a membership was. */
export type ActivityNames = { users: Record<number, string>; memberships: Record<number, number> }

export const NO_NAMES: ActivityNames = { users: {}, memberships: {} }

/** Fields of before/after that hold a user id. */
export const USER_FIELDS = new Set(['user', 'ownerUser', 'invitedBy', 'acceptedBy', 'subjectUserId', 'createdBy'])

export const asId = (value: unknown): number | null => {
  const id = typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : value
  const number = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : null
}

const docs = (entry: PortalAudit) => [entry.before, entry.after].filter((doc): doc is Record<string, unknown> => typeof doc === 'object' && doc !== null && !Array.isArray(doc))

/**
 * Two queries for a page of entries (ids are collected first). Read with overrideAccess: the rows are
 * already the caller's organization's, and only names leave here (a member who left stays named).
 */
export async function loadActivityNames(payload: Payload, entries: PortalAudit[]): Promise<ActivityNames> {
  const userIds = new Set<number>()
  const membershipIds = new Set<number>()
  for (const entry of entries) {
    const actor = asId(entry.actorUser)
    if (actor) userIds.add(actor)
    const entity = asId(entry.entityId)
    if (entity && entry.entityType === 'users') userIds.add(entity)
    if (entity && entry.entityType === 'memberships') membershipIds.add(entity)
    for (const doc of docs(entry)) for (const field of USER_FIELDS) if (asId(doc[field])) userIds.add(asId(doc[field])!)
  }
  const memberships: Record<number, number> = {}
  if (membershipIds.size > 0) {
    const found = await payload.find({ collection: 'memberships', where: { id: { in: [...membershipIds] } }, depth: 0, limit: membershipIds.size, pagination: false, overrideAccess: true, select: { user: true } })
    for (const membership of found.docs) {
      const user = asId(membership.user)
      if (user) (memberships[membership.id] = user), userIds.add(user)
    }
  }
  const users: Record<number, string> = {}
  if (userIds.size > 0) {
    const found = await payload.find({ collection: 'users', where: { id: { in: [...userIds] } }, depth: 0, limit: userIds.size, pagination: false, overrideAccess: true, select: { name: true, email: true } })
    for (const user of found.docs) users[user.id] = user.name || user.email
  }
  return { users, memberships }
}
