import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import { portalLanguage } from '../../i18n/portal-language'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { portalUrl } from '../../lib/portal-url'
import { hashSingleUseToken, newSingleUseToken } from '../../lib/single-use-token'
import { queueEmail } from '../../notifications/email/queue-email'
import { verifyPassword } from '../password/verify-password'

const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000

async function emailTaken(payload: Payload, email: string): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'users', where: { or: [{ email: { equals: email } }, { pendingEmail: { equals: email } }] }, overrideAccess: true })
  return totalDocs > 0
}

/**
 * Starts an email change: nothing about sign-in changes yet. The new address gets a single-use
 * link (24 h) that applies the change; the old one is told, so a hijacker can't move the account
 * quietly. A second request replaces the first link.
 */
export async function requestEmailChange(
  payload: Payload,
  { user, newEmail, password, actor }: { user: { id: number; email: string; locale?: string | null }; newEmail: string; password: string; actor: AuditActor },
): Promise<{ pendingEmail: string }> {
  const email = newEmail.trim().toLowerCase()
  if (!(await verifyPassword(payload, user.email, password))) {
    throw new PortalError('invalid_request', t('api.error.invalid'), { password: t('password.error.wrongCurrent') })
  }
  if (email === user.email.toLowerCase()) throw new PortalError('invalid_request', t('api.error.invalid'), { newEmail: t('emailChange.error.same') })
  if (await emailTaken(payload, email)) throw new PortalError('conflict', t('api.error.invalid'), { newEmail: t('emailChange.error.taken') })
  const token = newSingleUseToken()
  const expiresAt = new Date(Date.now() + EMAIL_CHANGE_TTL_MS).toISOString()
  await commitPortalChange(
    payload,
    { actor, organization: null, entity: { type: 'users', id: user.id }, action: 'account.email_change_requested' },
    async (req) => {
      await payload.update({
        collection: 'users',
        id: user.id,
        data: { pendingEmail: email, pendingEmailToken: hashSingleUseToken(token), pendingEmailExpiresAt: expiresAt },
        depth: 0,
        overrideAccess: true,
        req,
      })
      // Both emails commit with the change: the link to the new address, the notice to the old.
      const key = hashSingleUseToken(token).slice(0, 16)
      // Both addresses are this user's, so both emails speak their profile language.
      const locale = portalLanguage({ profile: user.locale })
      await queueEmail(req, {
        to: email,
        subject: t('emailChange.mail.confirm.subject', {}, locale),
        text: t('emailChange.mail.confirm.body', { link: portalUrl(`/confirm-email?token=${token}`), from: user.email }, locale),
        idempotencyKey: `email-change-${user.id}-${key}-new`,
      })
      await queueEmail(req, {
        to: user.email,
        subject: t('emailChange.mail.notice.subject', {}, locale),
        text: t('emailChange.mail.notice.body', { to: email }, locale),
        idempotencyKey: `email-change-${user.id}-${key}-old`,
      })
      return { after: { pendingEmail: email } }
    },
  )
  return { pendingEmail: email }
}
