import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { hashSingleUseToken, looksLikeSingleUseToken } from '../../lib/single-use-token'
import { endAllSessions } from '../sessions/session-store'
import { passwordProblem } from './password-problem'
import { PASSWORD_RESET_FLOW } from './password-reset-context'

type TokenHolder = { id: number; email: string; resetPasswordExpiration?: string | null }

/**
 * Sets a new password from a forgot-password link with Payload's resetPassword (given the stored
 * hash of the emailed token), then ends every
 * session, the one Payload just opened included: whoever held the old password is out, and the
 * owner signs in fresh (with their second factor, if on).
 */
export async function resetPassword(payload: Payload, { token, password, actor }: { token: string; password: string; actor: Omit<AuditActor, 'kind' | 'user'> }): Promise<void> {
  // The database holds the token's hash; Payload's reset-password compares it as given.
  const storedToken = hashSingleUseToken(token)
  const holder = looksLikeSingleUseToken(token) ? await payload.db.findOne<TokenHolder>({ collection: 'users', where: { resetPasswordToken: { equals: storedToken } } }) : null
  if (!holder || !holder.resetPasswordExpiration || new Date(holder.resetPasswordExpiration) <= new Date()) {
    throw new PortalError('invalid_request', t('api.error.invalid'), { token: t('password.error.resetLinkInvalid') })
  }
  const problem = passwordProblem(password, holder.email)
  if (problem) throw new PortalError('invalid_request', t('api.error.invalid'), { password: t(problem) })
  await commitPortalChange(
    payload,
    {
      actor: { ...actor, kind: 'customer', user: { id: holder.id, email: holder.email } },
      organization: null,
      entity: { type: 'users', id: holder.id },
      action: 'account.password_reset',
      event: { type: 'account.password_changed', data: { subjectUserId: holder.id, via: 'reset' } },
    },
    async (req) => {
      req.context[PASSWORD_RESET_FLOW] = true
      await payload.resetPassword({ collection: 'users', data: { token: storedToken, password }, overrideAccess: true, req })
      await endAllSessions({ payload, req }, holder.id)
      return { after: { sessionsEnded: true } }
    },
  )
}
