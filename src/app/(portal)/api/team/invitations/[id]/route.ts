import { requestDetails } from '@/audit/actor'
import { idParam } from '@/lib/api/id-param'
import { portalRoute } from '@/lib/api/portal-route'
import { revokeInvitation } from '@/team/revoke-invitation'
import { teamActor } from '@/team/team-actor'

/** DELETE /api/team/invitations/:id — revokes a pending invitation; its link stops working. */
export const DELETE = portalRoute({ screen: 'team', action: 'team.revoke_invitation' }, async ({ payload, session, organization, params, request, requestId }) =>
  revokeInvitation(payload, teamActor(session.user, organization.id, requestDetails(request, requestId)), { invitationId: idParam(params, 'id') }),
)
