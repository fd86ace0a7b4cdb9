import type { Access } from 'payload'

import { isCustomer, isStaff } from '../../../access/actor-memberships'

/** A customer sees and marks only their own notifications. */
export const ownNotifications: Access = ({ req }) => {
  if (isStaff(req)) return true
  if (!isCustomer(req) || !req.user) return false
  return { user: { equals: req.user.id } }
}
