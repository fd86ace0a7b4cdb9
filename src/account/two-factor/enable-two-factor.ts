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
 * Turns two-factor on once a code from the new secret checks out, and returns the recovery codes:
 * the only time they exist in plain text. Stored are their hashes. `collection` is `staff` for a
 * support staff member (default: a customer).
 */
export async function enableTwoFactor(payload: Payload, { userId, collection = 'users', code, actor }: { userId: number; collection?: AuthCollection; code: string; actor: AuditActor }): Promise<{ recoveryCodes: string[] }> {
  const principal = { collection, id: userId }
  const state = await readTwoFactorState(payload, principal)
  if (state.enabledAt) throw new PortalError('conflict', t('twoFactor.error.alreadyOn'))
  if (!state.hasSecret) throw new PortalError('conflict', t('twoFactor.error.notStarted'))
  await checkSecondFactor(payload, principal, code)
  const recoveryCodes = generateRecoveryCodes()
  const enabledAt = new Date().toISOString()
  await commitPortalChange(payload, twoFactorChange(principal, 'two_factor_enabled', { actor, before: { twoFactor: false }, notify: true }), async (req) => {
    await payload.update({
      collection,
      id: userId,
      data: { twoFactorEnabledAt: enabledAt, recoveryCodes: recoveryCodes.map((plain) => ({ hash: hashRecoveryCode(plain), usedAt: null })) },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return { after: { twoFactor: true, recoveryCodes: recoveryCodes.length } }
  })
  return { recoveryCodes }
}
