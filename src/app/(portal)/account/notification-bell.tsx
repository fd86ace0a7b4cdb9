import type { PortalSession } from '@/auth/portal-session'
import { getRequestLocale } from '@/auth/request-locale'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'
import { countUnreadNotifications } from '@/notifications/count-unread-notifications'

/** The header bell: a link to the inbox whose accessible name carries the unread count. */
export async function NotificationBell({ session }: { session: PortalSession }) {
  const organization = session.organization
  if (!organization) return null
  const { locale } = await getRequestLocale()
  const unread = await countUnreadNotifications(await payloadInstance(), { userId: session.user.id, organizationId: organization.id })
  return (
    <a href="/account/notifications" className="bell" aria-label={t('notifications.bell', { count: unread }, locale)}>
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread > 0 ? <span className="badge" data-tone="accent">{unread > 99 ? '99+' : unread}</span> : null}
    </a>
  )
}
