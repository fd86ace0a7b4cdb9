import { getRequestLocale } from '@/auth/request-locale'
import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import { Badge } from '@/components/ui/Badge'
import { Card } from '@/components/ui/Card'
import type { MessageKey } from '@/i18n/en'
import { formatDate } from '@/i18n/formatters'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'
import { listNotifications } from '@/notifications/list-notifications'
import { isEventType } from '@/notifications/event-catalog'
import { listPreferences } from '@/notifications/list-preferences'

import { MarkReadButton } from './mark-read-button'
import { PreferencesForm } from './preferences-form'
import { localizedTitle } from '../../localized-title'

export const generateMetadata = localizedTitle('notifications.title')

/** The inbox behind the header bell, and the member's per-event, per-channel choices. */
export default async function NotificationsPage() {
  const [access, format] = await Promise.all([requireScreen('notifications'), getRequestLocale()])
  const { locale } = format
  const organization = access.session.organization
  const payload = await payloadInstance()
  const [inbox, preferences] = organization
    ? await Promise.all([
        listNotifications(payload, { user: access.session.user, organizationId: organization.id, limit: 50 }),
        listPreferences(payload, { user: access.session.user, organizationId: organization.id, role: organization.role }),
      ])
    : [{ notifications: [], unread: 0 }, []]

  return (
    <div className="stack">
      <h1>{t('notifications.title', {}, locale)}</h1>
      <ScreenGuard access={access} locale={locale}>
        <Card title={t('notifications.inbox', {}, locale)}>
          {inbox.notifications.length === 0 ? (
            <p className="muted">{t('notifications.inbox.empty', {}, locale)}</p>
          ) : (
            <>
              {inbox.unread > 0 ? <div className="row"><MarkReadButton all label={t('notifications.markAllRead', {}, locale)} /></div> : null}
              <ul className="stack" data-gap="sm" aria-label={t('notifications.inbox', {}, locale)}>
                {inbox.notifications.map((notification) => (
                  <li key={notification.id} className="card">
                    <div className="row">
                      <strong>{isEventType(notification.type) ? t(`activity.type.${notification.type}` as MessageKey, {}, locale) : notification.title}</strong>
                      {notification.readAt ? null : <Badge tone="accent">{t('notifications.unread', {}, locale)}</Badge>}
                      <time className="muted" dateTime={notification.createdAt}>
                        {formatDate(notification.createdAt, format, 'dateTime')}
                      </time>
                      {notification.readAt ? null : <MarkReadButton id={notification.id} label={t('notifications.markRead', {}, locale)} />}
                    </div>
                    <p className="muted preformatted">{notification.body}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card title={t('notifications.preferences', {}, locale)}>
          <p className="muted">{t('notifications.preferences.intro', { organization: organization?.name ?? '' }, locale)}</p>
          <PreferencesForm
            rows={preferences.map((row) => ({ ...row, label: t(`activity.type.${row.eventType}` as MessageKey, {}, locale) }))}
            labels={{
              caption: t('notifications.preferences.caption', {}, locale),
              event: t('notifications.preferences.event', {}, locale),
              email: t('notifications.channel.email', {}, locale),
              in_app: t('notifications.channel.in_app', {}, locale),
              save: t('notifications.preferences.save', {}, locale),
              saved: t('notifications.preferences.saved', {}, locale),
              error: t('notifications.error', {}, locale),
            }}
          />
        </Card>
      </ScreenGuard>
    </div>
  )
}
