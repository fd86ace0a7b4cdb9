import type { PayloadRequest } from 'payload'

import { isRole, type Role } from '../access/roles'
import type { AuditActor } from '../audit/actor'
import type { User } from '../payload-types'

/** Who is changing the team, in which organization, and the request details the audit row keeps. */
export type TeamActor = { user: Pick<User, 'id' | 'email' | 'name'>; organizationId: number; audit: AuditActor }

export const teamActor = (user: TeamActor['user'], organizationId: number, audit: AuditActor): TeamActor => ({ user, organizationId, audit })

/**
 * The actor's membership as it is now, read inside the team transaction: the role the session saw a
 * moment ago may already be gone (a concurrent transfer made them admin, a removal made them nobody).
 */
export async function actorMembership(req: PayloadRequest, actor: TeamActor): Promise<{ id: number; role: Role } | null> {
  const { docs } = await req.payload.find({
    collection: 'memberships',
    where: { user: { equals: actor.user.id }, organization: { equals: actor.organizationId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const membership = docs[0]
  return membership && isRole(membership.role) ? { id: membership.id, role: membership.role } : null
}
