import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import { Badge } from '@/components/ui/Badge'
import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'
import { listNotifications } from '@/notifications/list-notifications'
import { listPreferences } from '@/notifications/list-preferences'

import { MarkReadButton } from './mark-read-button'
import { PreferencesForm } from './preferences-form'

export const metadata = { title: t('notifications.title') }

/** The inbox behind the header bell, and the member's per-event, per-channel choices. */
export default async function NotificationsPage() {
  const access = await requireScreen('notifications')
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
      <h1>{t('notifications.title')}</h1>
      <ScreenGuard access={access}>
        <Card title={t('notifications.inbox')}>
          {inbox.notifications.length === 0 ? (
            <p className="muted">{t('notifications.inbox.empty')}</p>
          ) : (
            <>
              {inbox.unread > 0 ? <div className="row"><MarkReadButton all label={t('notifications.markAllRead')} /></div> : null}
              <ul className="stack" data-gap="sm" aria-label={t('notifications.inbox')}>
                {inbox.notifications.map((notification) => (
                  <li key={notification.id} className="card">
                    <div className="row">
                      <strong>{notification.title}</strong>
                      {notification.readAt ? null : <Badge tone="accent">{t('notifications.unread')}</Badge>}
                      <time className="muted" dateTime={notification.createdAt}>
                        {new Date(notification.createdAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
                      </time>
                      {notification.readAt ? null : <MarkReadButton id={notification.id} label={t('notifications.markRead')} />}
                    </div>
                    <p className="muted preformatted">{notification.body}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card title={t('notifications.preferences')}>
          <p className="muted">{t('notifications.preferences.intro', { organization: organization?.name ?? '' })}</p>
          <PreferencesForm
            rows={preferences}
            labels={{
              caption: t('notifications.preferences.caption'),
              event: t('notifications.preferences.event'),
              email: t('notifications.channel.email'),
              in_app: t('notifications.channel.in_app'),
              save: t('notifications.preferences.save'),
              saved: t('notifications.preferences.saved'),
              error: t('notifications.error'),
            }}
          />
        </Card>
      </ScreenGuard>
    </div>
  )
}
