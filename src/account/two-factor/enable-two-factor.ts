import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { checkSecondFactor } from './check-second-factor'
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes'
import { readTwoFactorState } from './two-factor-state'

/**
 * Turns two-factor on once a code from the new secret checks out, and returns the recovery codes:
 * the only time they exist in plain text. Stored are their hashes.
 */
export async function enableTwoFactor(payload: Payload, { userId, code, actor }: { userId: number; code: string; actor: AuditActor }): Promise<{ recoveryCodes: string[] }> {
  const state = await readTwoFactorState(payload, userId)
  if (state.enabledAt) throw new PortalError('conflict', t('twoFactor.error.alreadyOn'))
  if (!state.hasSecret) throw new PortalError('conflict', t('twoFactor.error.notStarted'))
  await checkSecondFactor(payload, userId, code)
  const recoveryCodes = generateRecoveryCodes()
  const enabledAt = new Date().toISOString()
  await commitPortalChange(
    payload,
    { actor, organization: null, entity: { type: 'users', id: userId }, action: 'account.two_factor_enabled', before: { twoFactor: false }, event: { type: 'account.two_factor_enabled', data: { subjectUserId: userId } } },
    async (req) => {
      await payload.update({
        collection: 'users',
        id: userId,
        data: { twoFactorEnabledAt: enabledAt, recoveryCodes: recoveryCodes.map((plain) => ({ hash: hashRecoveryCode(plain), usedAt: null })) },
        depth: 0,
        overrideAccess: true,
        req,
      })
      return { after: { twoFactor: true, recoveryCodes: recoveryCodes.length } }
    },
  )
  return { recoveryCodes }
}
