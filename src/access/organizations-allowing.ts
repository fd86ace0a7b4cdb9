import type { Access, PayloadRequest, Where } from 'payload'

import { actorMemberships, isStaff } from './actor-memberships'
import { canPerform } from './can-perform'
import type { Action } from './matrix'

/** Ids of the organizations in which the calling customer may perform `action`. */
export async function organizationsAllowing(req: PayloadRequest, action: Action): Promise<number[]> {
  const memberships = await actorMemberships(req)
  const userId = req.user?.id ?? ''
  return memberships
    .filter((membership) => canPerform({ userId, role: membership.role }, action).allowed)
    .map((membership) => membership.organization)
}

/**
 * A Payload access function built from the matrix: staff see everything; a customer is limited
 * to documents whose `field` points at an organization where their role allows `action`.
 */
export const scopedToOrganizations =
  (action: Action, field: 'id' | 'organization' = 'organization'): Access =>
  async ({ req }) => {
    if (isStaff(req)) return true
    if (!req.user) return false
    const organizationIds = await organizationsAllowing(req, action)
    if (organizationIds.length === 0) return false
    const where: Where = { [field]: { in: organizationIds } }
    return where
  }
