import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { passwordProblem } from './password-problem'
import { verifyPassword } from './verify-password'

/** A new password for a signed-in user: the current one first, then the strength rules. */
export async function changePassword(
  payload: Payload,
  { user, currentPassword, newPassword, actor }: { user: { id: number; email: string }; currentPassword: string; newPassword: string; actor: AuditActor },
): Promise<void> {
  if (!(await verifyPassword(payload, user.email, currentPassword))) {
    throw new PortalError('invalid_request', t('api.error.invalid'), { currentPassword: t('password.error.wrongCurrent') })
  }
  const problem = passwordProblem(newPassword, user.email)
  if (problem) throw new PortalError('invalid_request', t('api.error.invalid'), { newPassword: t(problem) })
  await commitPortalChange(
    payload,
    { actor, organization: null, entity: { type: 'users', id: user.id }, action: 'account.password_changed', event: { type: 'account.password_changed', data: { subjectUserId: user.id } } },
    async (req) => {
      await payload.update({ collection: 'users', id: user.id, data: { password: newPassword }, depth: 0, overrideAccess: true, req })
      return {}
    },
  )
}
