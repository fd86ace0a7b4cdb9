import type { Access } from 'payload'

import { actorMemberships, isCustomer } from '../../../access/actor-memberships'
import { extractNumericId } from '../../../lib/extract-id'

/** A customer creates preferences only for themselves, in an organization they belong to. */
export const createOwnPreference: Access = async ({ req, data }) => {
  if (!isCustomer(req) || !req.user || !data) return false
  if (extractNumericId(data.user) !== req.user.id) return false
  return (await actorMemberships(req)).some((membership) => membership.organization === extractNumericId(data.organization))
}
