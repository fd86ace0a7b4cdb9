import type { Payload } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { checkSecondFactor } from './check-second-factor'
import type { AuthCollection } from './principal'
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes'
import { twoFactorChange } from './two-factor-change'
import { readTwoFactorState } from './two-factor-state'

/**
 * A fresh set of recovery codes (the old ones stop working), for someone who used most of theirs
 * or lost the paper. Needs a current code or a recovery code, so a borrowed session can't; the new
 * codes are returned once, their hashes stored.
 */
export async function regenerateRecoveryCodes(payload: Payload, { userId, collection = 'users', code, actor }: { userId: number; collection?: AuthCollection; code: string; actor: AuditActor }): Promise<{ recoveryCodes: string[] }> {
  const principal = { collection, id: userId }
  const state = await readTwoFactorState(payload, principal)
  if (!state.enabledAt) throw new PortalError('conflict', t('twoFactor.error.alreadyOff'))
  await checkSecondFactor(payload, principal, code)
  const recoveryCodes = generateRecoveryCodes()
  await commitPortalChange(payload, twoFactorChange(principal, 'recovery_codes_regenerated', { actor, before: { recoveryCodesLeft: state.recoveryCodesLeft }, notify: false }), async (req) => {
    await payload.update({ collection, id: userId, data: { recoveryCodes: recoveryCodes.map((plain) => ({ hash: hashRecoveryCode(plain), usedAt: null })) }, depth: 0, overrideAccess: true, req })
    return { after: { recoveryCodesLeft: recoveryCodes.length } }
  })
  return { recoveryCodes }
}
