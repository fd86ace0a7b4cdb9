import { roleLabels, type Role } from '../access/roles'
import { t } from '../i18n/t'
import { portalUrl } from '../lib/portal-url'
import type { OutgoingEmail } from '../notifications/email/send-email'

export type InvitationEmailInput = { invitationId: number; email: string; role: Role; token: string; expiresAt: string; sentAt: string; organizationName: string; inviterName: string }

/** The invitation message with its link; queued with `queueEmail` in the transaction that mints the token. */
export function invitationEmail(invitation: InvitationEmailInput): OutgoingEmail {
  const vars = { organization: invitation.organizationName, inviter: invitation.inviterName, role: roleLabels[invitation.role] }
  return {
    to: invitation.email,
    subject: t('invite.email.subject', vars),
    text: [
      t('invite.email.body', vars),
      '',
      portalUrl(`/invite/${invitation.token}`),
      '',
      t('invite.email.expiry', { date: new Date(invitation.expiresAt).toUTCString() }),
      t('invite.email.ignore'),
    ].join('\n'),
    // One key per send, so a resend is a new message rather than a duplicate of the first.
    idempotencyKey: `invitation-${invitation.invitationId}-${Date.parse(invitation.sentAt)}`,
  }
}
