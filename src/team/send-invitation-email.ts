import type { Payload } from 'payload'

import { roleLabels, type Role } from '../access/roles'
import { t } from '../i18n/t'
import { portalUrl } from '../lib/portal-url'
import { sendEmail } from '../notifications/email/send-email'

export type InvitationEmail = { invitationId: number; email: string; role: Role; token: string; expiresAt: string; sentAt: string; organizationName: string; inviterName: string }


/**
 * Sends the invitation link, right after the transaction that created (or rotated) the token has
 * committed. Not from a job: job inputs are stored in plain text in payload_jobs, and the token
 * must exist only in this email and as a hash. The cost: a failed send isn't retried by itself —
 * the invitation stays pending, the caller is told, and "resend" issues a fresh link.
 * Returns whether the message was handed to the mail transport.
 */
export async function sendInvitationEmail(payload: Payload, email: InvitationEmail): Promise<boolean> {
  const vars = { organization: email.organizationName, inviter: email.inviterName, role: roleLabels[email.role] }
  try {
    await sendEmail({
      to: email.email,
      subject: t('invite.email.subject', vars),
      text: [
        t('invite.email.body', vars),
        '',
        portalUrl(`/invite/${email.token}`),
        '',
        t('invite.email.expiry', { date: new Date(email.expiresAt).toUTCString() }),
        t('invite.email.ignore'),
      ].join('\n'),
      // One key per send, so a resend is a new message rather than a duplicate of the first.
      idempotencyKey: `invitation-${email.invitationId}-${Date.parse(email.sentAt)}`,
    })
    return true
  } catch (error) {
    // The token is in the message, never in the log: only the invitation id and the error.
    payload.logger.error({ err: error, invitationId: email.invitationId }, 'invitation email failed')
    return false
  }
}
