import type { Access } from 'payload'

import { isCustomer, isStaff } from '../../../access/actor-memberships'

/** A customer's own preference rows; staff read them to answer "why didn't I get the email?". */
export const ownPreferences: Access = ({ req }) => {
  if (isStaff(req)) return true
  if (!isCustomer(req) || !req.user) return false
  return { user: { equals: req.user.id } }
}
