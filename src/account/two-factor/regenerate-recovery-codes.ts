import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { checkSecondFactor } from './check-second-factor'
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes'
import { readTwoFactorState } from './two-factor-state'

/**
 * A fresh set of recovery codes (the old ones stop working), for someone who used most of theirs
 * or lost the paper. Needs a current code or a recovery code, so a borrowed session can't; the new
 * codes are returned once, their hashes stored.
 */
export async function regenerateRecoveryCodes(payload: Payload, { userId, code, actor }: { userId: number; code: string; actor: AuditActor }): Promise<{ recoveryCodes: string[] }> {
  const state = await readTwoFactorState(payload, userId)
  if (!state.enabledAt) throw new PortalError('conflict', t('twoFactor.error.alreadyOff'))
  await checkSecondFactor(payload, userId, code)
  const recoveryCodes = generateRecoveryCodes()
  await commitPortalChange(
    payload,
    { actor, organization: null, entity: { type: 'users', id: userId }, action: 'account.recovery_codes_regenerated', before: { recoveryCodesLeft: state.recoveryCodesLeft } },
    async (req) => {
      await payload.update({ collection: 'users', id: userId, data: { recoveryCodes: recoveryCodes.map((plain) => ({ hash: hashRecoveryCode(plain), usedAt: null })) }, depth: 0, overrideAccess: true, req })
      return { after: { recoveryCodesLeft: recoveryCodes.length } }
    },
  )
  return { recoveryCodes }
}
