import type { Payload } from 'payload'

import type { Role } from '../access/roles'
import { recordPortalChange } from '../audit/record-portal-change'
import { assertTeamAllowed } from './assert-team-allowed'
import { findMember } from './find-member'
import { actorMembership, type TeamActor } from './team-actor'
import { inTeamTransaction } from './team-transaction'

/**
 * Gives a member a new role. Actor and target are read under the team lock, so two admins changing
 * the same member at once both apply, one after the other, each audited with the role it replaced.
 */
export async function changeMemberRole(payload: Payload, actor: TeamActor, input: { memberId: number; newRole: Role }) {
  return inTeamTransaction(payload, actor.organizationId, async (req) => {
    const member = await findMember(req, actor.organizationId, input.memberId)
    assertTeamAllowed(actor.user.id, await actorMembership(req, actor), 'team.change_role', {
      userId: member.userId,
      role: member.role,
      newRole: input.newRole,
    })
    await recordPortalChange(
      req,
      {
        actor: actor.audit,
        organization: actor.organizationId,
        entity: { type: 'memberships', id: member.id },
        action: 'member.role_changed',
        before: { role: member.role },
        event: { type: 'member.role_changed', data: { subjectUserId: member.userId, changes: { role: [member.role, input.newRole] } } },
      },
      async (inner) => {
        await inner.payload.update({ collection: 'memberships', id: member.id, data: { role: input.newRole }, depth: 0, overrideAccess: true, req: inner })
        return { after: { role: input.newRole } }
      },
    )
    return { memberId: member.id, role: input.newRole, previousRole: member.role }
  })
}
