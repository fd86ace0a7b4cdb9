import { portalRoute } from '@/lib/api/portal-route'
import { leaveOrganization } from '@/team/leave-organization'
import { teamActor } from '@/team/team-actor'

/** POST /api/team/leave — the caller leaves the current organization (not the owner). */
export const POST = portalRoute({ screen: 'team', action: 'team.leave' }, async ({ payload, user, actor, organization }) =>
  leaveOrganization(payload, teamActor(user, organization.id, actor)),
)
