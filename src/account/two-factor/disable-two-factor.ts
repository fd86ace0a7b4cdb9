import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { checkSecondFactor } from './check-second-factor'
import type { AuthCollection } from './principal'
import { twoFactorChange } from './two-factor-change'
import { readTwoFactorState } from './two-factor-state'

/** Turns two-factor off; a current code (or a recovery code) is required, so a borrowed session can't. */
export async function disableTwoFactor(payload: Payload, { userId, collection = 'users', code, actor }: { userId: number; collection?: AuthCollection; code: string; actor: AuditActor }): Promise<void> {
  const principal = { collection, id: userId }
  if (!(await readTwoFactorState(payload, principal)).enabledAt) throw new PortalError('conflict', t('twoFactor.error.alreadyOff'))
  await checkSecondFactor(payload, principal, code)
  await commitPortalChange(payload, twoFactorChange(principal, 'two_factor_disabled', { actor, before: { twoFactor: true }, notify: true }), async (req) => {
    await payload.update({
      collection,
      id: userId,
      data: { twoFactorEnabledAt: null, totpSecret: null, totpLastUsedStep: null, recoveryCodes: [] },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return { after: { twoFactor: false } }
  })
}
