import { z } from 'zod'

import { portalRoute } from '@/lib/api/portal-route'
import { RecordId } from '@/lib/api/record-id'
import { markNotificationsRead } from '@/notifications/mark-notifications-read'
import { lazyMessage } from '@/i18n/t'

const MarkRead = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ ids: z.array(RecordId).min(1, lazyMessage('notifications.error.noneChosen')).max(100) }),
])

/** POST /api/portal/notifications/read — `{ ids: [...] }` or `{ all: true }`; only the caller's own are touched. */
export const POST = portalRoute({ screen: 'notifications', action: 'notifications.manage_own', schema: MarkRead }, async ({ payload, user, organization, body }) =>
  markNotificationsRead(payload, { user: user, organizationId: organization.id, ids: 'all' in body ? 'all' : body.ids }),
)
