import { requestDetails } from '@/audit/actor'
import { idParam } from '@/lib/api/id-param'
import { portalRoute } from '@/lib/api/portal-route'
import { resendInvitation } from '@/team/resend-invitation'
import { teamActor } from '@/team/team-actor'

/** POST /api/team/invitations/:id/resend — a fresh link and expiry; the previous link stops working. */
export const POST = portalRoute({ screen: 'team', action: 'team.invite' }, async ({ payload, session, organization, params, request, requestId }) =>
  resendInvitation(payload, teamActor(session.user, organization.id, requestDetails(request, requestId)), { invitationId: idParam(params, 'id') }),
)
