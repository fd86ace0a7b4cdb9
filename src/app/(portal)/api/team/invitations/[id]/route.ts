import { idParam } from '@/lib/api/id-param'
import { portalRoute } from '@/lib/api/portal-route'
import { revokeInvitation } from '@/team/revoke-invitation'
import { teamActor } from '@/team/team-actor'

/** DELETE /api/team/invitations/:id — revokes a pending invitation; its link stops working. */
export const DELETE = portalRoute({ screen: 'team', action: 'team.revoke_invitation' }, async ({ payload, user, actor, organization, params }) =>
  revokeInvitation(payload, teamActor(user, organization.id, actor), { invitationId: idParam(params, 'id') }),
)
