import type { Payload } from 'payload'

import { recordPortalChange } from '../audit/record-portal-change'
import { assertTeamAllowed } from './assert-team-allowed'
import { findMember } from './find-member'
import { actorMembership, type TeamActor } from './team-actor'
import { inTeamTransaction } from './team-transaction'

/**
 * Removes a member. Their membership row is the only thing that gives a session an organization
 * (resolvePortalSession re-reads memberships on every request), so their next request no longer
 * reaches this organization, whatever cookie or token they hold.
 */
export async function removeMember(payload: Payload, actor: TeamActor, input: { memberId: number }) {
  return inTeamTransaction(payload, actor.organizationId, async (req) => {
    const member = await findMember(req, actor.organizationId, input.memberId)
    assertTeamAllowed(actor.user.id, await actorMembership(req, actor), 'team.remove', { userId: member.userId, role: member.role })
    await recordPortalChange(
      req,
      {
        actor: actor.audit,
        organization: actor.organizationId,
        entity: { type: 'memberships', id: member.id },
        action: 'member.removed',
        before: { user: member.userId, role: member.role },
        event: { type: 'member.removed', data: { subjectUserId: member.userId, role: member.role } },
      },
      async (inner) => {
        await inner.payload.delete({ collection: 'memberships', id: member.id, depth: 0, overrideAccess: true, req: inner })
        return { after: null }
      },
    )
    return { memberId: member.id }
  })
}
