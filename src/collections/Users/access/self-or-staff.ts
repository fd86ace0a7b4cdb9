import type { Access } from 'payload'

import { isCustomer, isStaff } from '../../../access/actor-memberships'

/** A customer updates only their own record; staff any. */
export const selfOrStaff: Access = ({ req }) => {
  if (isStaff(req)) return true
  if (!isCustomer(req) || !req.user) return false
  return { id: { equals: req.user.id } }
}
