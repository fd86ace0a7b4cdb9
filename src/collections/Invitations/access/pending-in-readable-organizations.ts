import type { Access, Where } from 'payload'

import { isStaff } from '../../../access/actor-memberships'
import { organizationsAllowing } from '../../../access/organizations-allowing'

/** Staff see every invitation; a customer sees the pending ones of organizations where they may read the team. */
export const pendingInReadableOrganizations: Access = async ({ req }) => {
  if (isStaff(req)) return true
  if (!req.user) return false
  const organizationIds = await organizationsAllowing(req, 'team.read')
  if (organizationIds.length === 0) return false
  const where: Where = { organization: { in: organizationIds }, status: { equals: 'pending' } }
  return where
}
