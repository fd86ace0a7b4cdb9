import type { Payload } from 'payload'

import { recordPortalChange } from '../audit/record-portal-change'
import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'
import { assertTeamAllowed } from './assert-team-allowed'
import { findMember } from './find-member'
import { actorMembership, type TeamActor } from './team-actor'
import { inTeamTransaction } from './team-transaction'

/** Typing the name guards against a slip of the mouse; case and surrounding spaces don't matter. */
const sameName = (typed: string, name: string) => typed.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase()

/**
 * Makes another member the owner; the old owner becomes an admin. Both rows change in one
 * transaction under the team lock, and the actor must still be the owner once the lock is theirs,
 * so two transfers at once leave exactly one owner: the second finds its actor is an admin now.
 */
export async function transferOwnership(payload: Payload, actor: TeamActor, input: { memberId: number; confirm: string }) {
  return inTeamTransaction(payload, actor.organizationId, async (req) => {
    const organization = await req.payload.findByID({ collection: 'organizations', id: actor.organizationId, depth: 0, overrideAccess: true, req })
    if (!sameName(input.confirm, organization.name)) {
      throw new PortalError('invalid_request', t('api.error.invalid'), { confirm: t('team.error.confirmName', { organization: organization.name }) })
    }
    const member = await findMember(req, actor.organizationId, input.memberId)
    const owner = await actorMembership(req, actor)
    assertTeamAllowed(actor.user.id, owner, 'team.transfer_ownership', { userId: member.userId, role: member.role })
    const previousOwnerId = owner.id
    await recordPortalChange(
      req,
      {
        actor: actor.audit,
        organization: actor.organizationId,
        entity: { type: 'organizations', id: actor.organizationId },
        action: 'ownership.transferred',
        before: { ownerUser: actor.user.id, newOwnerRole: member.role },
        event: { type: 'ownership.transferred', data: { subjectUserId: member.userId, previousOwnerUserId: actor.user.id } },
      },
      async (inner) => {
        await inner.payload.update({ collection: 'memberships', id: previousOwnerId, data: { role: 'admin' }, depth: 0, overrideAccess: true, req: inner })
        await inner.payload.update({ collection: 'memberships', id: member.id, data: { role: 'owner' }, depth: 0, overrideAccess: true, req: inner })
        return { after: { ownerUser: member.userId, previousOwnerRole: 'admin' } }
      },
    )
    return { ownerMemberId: member.id, previousOwnerMemberId: previousOwnerId }
  })
}
