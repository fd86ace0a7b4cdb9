import type { Role } from '../access/roles'
import { formatDate } from '../i18n/formatters'
import { portalLanguage } from '../i18n/portal-language'
import { roleLabel } from '../i18n/role-label'
import { t } from '../i18n/t'
import { portalUrl } from '../lib/portal-url'
import type { OutgoingEmail } from '../notifications/email/send-email'

export type InvitationEmailInput = {
  invitationId: number
  email: string
  role: Role
  token: string
  expiresAt: string
  sentAt: string
  organizationName: string
  inviterName: string
  /** The recipient's own settings when the address already has an account (invitationRecipient). */
  recipient?: { locale?: string | null; timeZone?: string | null } | null
}

/**
 * The invitation message with its link; queued with `queueEmail` in the transaction that mints the
 * token. In the recipient's language (their profile when they have an account, else the product's
 * default, else English), the expiry in their format and time zone.
 */
export function invitationEmail(invitation: InvitationEmailInput): OutgoingEmail {
  const recipient = invitation.recipient ?? null
  const locale = portalLanguage({ profile: recipient?.locale })
  const format = { locale, formatLocale: recipient?.locale, timeZone: recipient?.timeZone ?? 'UTC' }
  const vars = { organization: invitation.organizationName, inviter: invitation.inviterName, role: roleLabel(invitation.role, locale) }
  const expiry = `${formatDate(invitation.expiresAt, format, 'dateTime')} (${format.timeZone})`
  return {
    to: invitation.email,
    subject: t('invite.email.subject', vars, locale),
    text: [
      t('invite.email.body', vars, locale),
      '',
      portalUrl(`/invite/${invitation.token}`),
      '',
      t('invite.email.expiry', { date: expiry }, locale),
      t('invite.email.ignore', {}, locale),
    ].join('\n'),
    // One key per send, so a resend is a new message rather than a duplicate of the first.
    idempotencyKey: `invitation-${invitation.invitationId}-${Date.parse(invitation.sentAt)}`,
  }
}
