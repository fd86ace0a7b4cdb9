import { idParam } from '@/lib/api/id-param'
import { portalRoute } from '@/lib/api/portal-route'
import { removeMember } from '@/team/remove-member'
import { teamActor } from '@/team/team-actor'

/** DELETE /api/team/members/:memberId — removes the member; their next request no longer reaches this organization. */
export const DELETE = portalRoute({ screen: 'team', action: 'team.remove' }, async ({ payload, user, actor, organization, params }) =>
  removeMember(payload, teamActor(user, organization.id, actor), { memberId: idParam(params, 'memberId') }),
)
