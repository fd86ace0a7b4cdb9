import { idParam } from '@/lib/api/id-param'
import { portalRoute } from '@/lib/api/portal-route'
import { resendInvitation } from '@/team/resend-invitation'
import { teamActor } from '@/team/team-actor'

/** POST /api/team/invitations/:id/resend — a fresh link and expiry; the previous link stops working. */
export const POST = portalRoute({ screen: 'team', action: 'team.invite' }, async ({ payload, user, actor, organization, params }) =>
  resendInvitation(payload, teamActor(user, organization.id, actor), { invitationId: idParam(params, 'id') }),
)
