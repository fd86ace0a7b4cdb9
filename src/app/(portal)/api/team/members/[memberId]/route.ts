import { requestDetails } from '@/audit/actor'
import { idParam } from '@/lib/api/id-param'
import { portalRoute } from '@/lib/api/portal-route'
import { removeMember } from '@/team/remove-member'
import { teamActor } from '@/team/team-actor'

/** DELETE /api/team/members/:memberId — removes the member; their next request no longer reaches this organization. */
export const DELETE = portalRoute({ screen: 'team', action: 'team.remove' }, async ({ payload, session, organization, params, request, requestId }) =>
  removeMember(payload, teamActor(session.user, organization.id, requestDetails(request, requestId)), { memberId: idParam(params, 'memberId') }),
)
