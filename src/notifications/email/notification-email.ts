import type { MessageKey } from '../../i18n/en'
import { portalLanguage } from '../../i18n/portal-language'
import { t } from '../../i18n/t'
import type { EventMessage } from '../describe-event'
import { isEventType } from '../event-catalog'

export type NotificationEmailInput = {
  eventType: string
  message: EventMessage
  /** recipientLink: the page this recipient's role may open. */
  link: { url: string; activity: boolean }
  /** The recipient's profile locale (users.locale, e.g. 'de-DE'); null for an address with no account. */
  recipientLocale?: string | null
}

/**
 * A notification's subject and plain-text body in the recipient's language: their profile, else the
 * product's default, else English (the invitation email's rule). The title is the event's catalog
 * sentence (`activity.type.<event>`), so the email, the timeline and the bell name an event alike;
 * the changed fields stay as recorded ("role: member → admin").
 */
export function notificationEmail({ eventType, message, link, recipientLocale }: NotificationEmailInput): { subject: string; text: string } {
  const locale = portalLanguage({ profile: recipientLocale })
  const title = isEventType(eventType) ? t(`activity.type.${eventType}` as MessageKey, {}, locale) : message.title
  const organization = message.organizationName
  const lines = [
    organization ? t('notifications.email.lead', { title, organization }, locale) : t('notifications.email.leadNoOrganization', { title }, locale),
    t('notifications.email.by', { actor: message.actor }, locale),
    ...(message.subject ? [t('notifications.email.about', { subject: message.subject }, locale)] : []),
    ...message.changes,
  ]
  const footer = t(link.activity ? 'notifications.email.activityLink' : 'notifications.email.accountLink', { url: link.url }, locale)
  return { subject: organization ? `${title} · ${organization}` : title, text: `${lines.join('\n')}\n\n${footer}\n` }
}
