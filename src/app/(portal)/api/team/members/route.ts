import { z } from 'zod'

import { ROLES } from '@/access/roles'
import { portalRoute } from '@/lib/api/portal-route'
import { RecordId } from '@/lib/api/record-id'
import { changeMemberRole } from '@/team/change-member-role'
import { listTeam } from '@/team/list-team'
import { teamActor } from '@/team/team-actor'

/** GET /api/team/members — the current organization's members and pending invitations. */
export const GET = portalRoute({ screen: 'team', action: 'team.read' }, async ({ payload, organization }) => listTeam(payload, organization.id))

const ChangeRole = z.object({
  memberId: RecordId,
  newRole: z.enum(ROLES),
})

/** PATCH /api/team/members — `{ memberId, newRole }`; the target rules are checked in the domain. */
export const PATCH = portalRoute({ screen: 'team', action: 'team.change_role', schema: ChangeRole }, async ({ payload, user, actor, organization, body }) =>
  changeMemberRole(payload, teamActor(user, organization.id, actor), body),
)
