import { ActivityQuery } from '@/audit/activity-query'
import { listOrganizationActivity } from '@/audit/list-organization-activity'
import { portalRoute } from '@/lib/api/portal-route'

/** GET /api/portal/activity — the current organization's timeline, a page at a time. */
export const GET = portalRoute({ screen: 'activity', action: 'activity.read', schema: ActivityQuery }, async ({ payload, user, organization, body }) =>
  listOrganizationActivity(payload, user, { organizationId: organization.id, actorUserId: body.member, action: body.type, cursor: body.cursor, limit: body.limit }),
)
