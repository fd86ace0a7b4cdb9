import { z } from 'zod'

import { decodeActivityCursor } from '@/audit/activity-cursor'
import { listOrganizationActivity } from '@/audit/list-organization-activity'
import { portalRoute } from '@/lib/api/portal-route'

const ActivityQuery = z.object({
  cursor: z.string().max(200).optional().transform((value, context) => {
    if (!value) return null
    const cursor = decodeActivityCursor(value)
    if (!cursor) context.addIssue({ code: 'custom', message: 'This page link is no longer valid.' })
    return cursor
  }),
  member: z.coerce.number().int().positive().optional(),
  type: z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'Unknown type of change.').optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
})

/** GET /api/portal/activity — the current organization's timeline, a page at a time. */
export const GET = portalRoute({ screen: 'activity', action: 'activity.read', schema: ActivityQuery }, async ({ payload, user, organization, body }) =>
  listOrganizationActivity(payload, user, { organizationId: organization.id, actorUserId: body.member, action: body.type, cursor: body.cursor, limit: body.limit }),
)
