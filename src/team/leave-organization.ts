import type { Payload } from 'payload'

import { recordPortalChange } from '../audit/record-portal-change'
import { assertTeamAllowed } from './assert-team-allowed'
import { actorMembership, type TeamActor } from './team-actor'
import { inTeamTransaction } from './team-transaction'

/** The actor leaves the organization. Owners can't (the matrix): they transfer ownership first. */
export async function leaveOrganization(payload: Payload, actor: TeamActor) {
  return inTeamTransaction(payload, actor.organizationId, async (req) => {
    const membership = await actorMembership(req, actor)
    assertTeamAllowed(actor.user.id, membership, 'team.leave')
    const { id, role } = membership
    await recordPortalChange(
      req,
      {
        actor: actor.audit,
        organization: actor.organizationId,
        entity: { type: 'memberships', id },
        action: 'member.left',
        before: { user: actor.user.id, role },
        event: { type: 'member.left', data: { subjectUserId: actor.user.id, role } },
      },
      async (inner) => {
        await inner.payload.delete({ collection: 'memberships', id, depth: 0, overrideAccess: true, req: inner })
        return { after: null }
      },
    )
    return { organizationId: actor.organizationId }
  })
}
