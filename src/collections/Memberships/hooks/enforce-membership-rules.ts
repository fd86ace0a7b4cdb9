import { type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, Forbidden, type PayloadRequest } from 'payload'

import { actorMemberships, isCustomer } from '../../../access/actor-memberships'
import { canPerform } from '../../../access/can-perform'
import type { Action } from '../../../access/matrix'
import { isRole } from '../../../access/roles'
import { extractNumericId, type RelationshipValue } from '../../../lib/extract-id'

type MembershipLike = {
  id: number | string
  user?: RelationshipValue<number | string> | null
  organization?: RelationshipValue<number | string> | null
  role?: unknown
}

/**
 * Collection access can only scope by organization. The target rules of the matrix (not your own
 * role, not the owner, nothing above your own role) need the row itself, so they are checked here
 * for every customer write that reaches Payload directly (REST, GraphQL, Local API with a user).
 */
async function assertAllowed(req: PayloadRequest, action: Action, target: Partial<MembershipLike>, newRole?: unknown) {
  if (!isCustomer(req) || !req.user) return
  const organization = extractNumericId(target.organization)
  const actor = (await actorMemberships(req)).find((membership) => membership.organization === organization)
  if (!actor || !isRole(target.role)) throw new Forbidden(req.t)
  const decision = canPerform(
    { userId: req.user.id, role: actor.role },
    action,
    { userId: extractNumericId(target.user), role: target.role, newRole: isRole(newRole) ? newRole : undefined },
  )
  if (!decision.allowed) throw new Forbidden(req.t)
}

const beforeChange: CollectionBeforeChangeHook<MembershipLike> = async ({ req, operation, data, originalDoc }) => {
  if (operation !== 'update' || !originalDoc) return data
  const movesRow =
    (data.user !== undefined && extractNumericId(data.user) !== extractNumericId(originalDoc.user)) ||
    (data.organization !== undefined && extractNumericId(data.organization) !== extractNumericId(originalDoc.organization))
  if (movesRow && isCustomer(req)) throw new Forbidden(req.t)
  await assertAllowed(req, 'team.change_role', originalDoc, data.role)
  return data
}

const beforeDelete: CollectionBeforeDeleteHook = async ({ req, id }) => {
  if (!isCustomer(req)) return
  const target = await req.payload.findByID({ collection: 'memberships', id, depth: 0, overrideAccess: true, req })
  await assertAllowed(req, 'team.remove', target)
}

export const enforceMembershipRules = { beforeChange, beforeDelete }
