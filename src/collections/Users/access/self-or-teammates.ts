import type { Access } from 'payload'

import { actorMemberships, isStaff } from '../../../access/actor-memberships'

/** A customer reads their own user record and those of people who share an organization with them. */
export const selfOrTeammates: Access = async ({ req }) => {
  if (isStaff(req)) return true
  if (!req.user) return false
  const organizationIds = (await actorMemberships(req)).map((membership) => membership.organization)
  if (organizationIds.length === 0) return { id: { equals: req.user.id } }
  const { docs } = await req.payload.find({
    collection: 'memberships',
    where: { organization: { in: organizationIds } },
    depth: 0,
    pagination: false,
    select: { user: true },
    overrideAccess: true,
    req,
  })
  const ids = new Set<number | string>([req.user.id, ...docs.map((doc) => Number(doc.user))])
  return { id: { in: [...ids] } }
}
