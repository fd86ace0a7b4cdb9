import { portalRoute } from '@/lib/api/portal-route'
import { listNotifications } from '@/notifications/list-notifications'

/** GET /api/portal/notifications — the bell: the latest notifications in this organization and the unread count. */
export const GET = portalRoute({ screen: 'notifications', action: 'notifications.manage_own' }, async ({ payload, user, organization }) =>
  listNotifications(payload, { user: user, organizationId: organization.id }),
)
