import type { FieldAccess } from 'payload'

import { isStaff } from '../../../access/actor-memberships'
import { organizationsAllowing } from '../../../access/organizations-allowing'

/**
 * An organization's billing fields (plan, card, address, tax IDs) are for roles with
 * `billing.read` in that organization — a member who may read the organization's name over REST
 * still doesn't see its card.
 */
export const billingFieldsReadable: FieldAccess = async ({ req, doc }) => {
  if (isStaff(req)) return true
  const organizationId = (doc as { id?: number } | undefined)?.id
  if (!req.user || organizationId === undefined) return false
  return (await organizationsAllowing(req, 'billing.read')).includes(organizationId)
}
