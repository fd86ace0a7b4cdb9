import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { checkSecondFactor } from './check-second-factor'
import { readTwoFactorState } from './two-factor-state'

/** Turns two-factor off; a current code (or a recovery code) is required, so a borrowed session can't. */
export async function disableTwoFactor(payload: Payload, { userId, code, actor }: { userId: number; code: string; actor: AuditActor }): Promise<void> {
  if (!(await readTwoFactorState(payload, userId)).enabledAt) throw new PortalError('conflict', t('twoFactor.error.alreadyOff'))
  await checkSecondFactor(payload, userId, code)
  await commitPortalChange(
    payload,
    { actor, organization: null, entity: { type: 'users', id: userId }, action: 'account.two_factor_disabled', before: { twoFactor: true }, event: { type: 'account.two_factor_disabled', data: { subjectUserId: userId } } },
    async (req) => {
      await payload.update({
        collection: 'users',
        id: userId,
        data: { twoFactorEnabledAt: null, totpSecret: null, totpLastUsedStep: null, recoveryCodes: [] },
        depth: 0,
        overrideAccess: true,
        req,
      })
      return { after: { twoFactor: false } }
    },
  )
}
