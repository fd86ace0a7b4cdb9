import type { PayloadRequest } from 'payload'

import { isRole, type Role } from '../access/roles'
import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'

export type MemberRow = { id: number; userId: number; role: Role }

/**
 * A membership of this organization by its id, read inside the team transaction. An id from
 * another organization is answered exactly like one that doesn't exist: guessing ids reveals nothing.
 */
export async function findMember(req: PayloadRequest, organizationId: number, membershipId: number): Promise<MemberRow> {
  const { docs } = await req.payload.find({
    collection: 'memberships',
    where: { id: { equals: membershipId }, organization: { equals: organizationId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const membership = docs[0]
  if (!membership || !isRole(membership.role)) throw new PortalError('not_found', t('team.error.memberNotFound'))
  return { id: membership.id, userId: Number(membership.user), role: membership.role }
}
