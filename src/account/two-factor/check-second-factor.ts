import type { Payload } from 'payload'

import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { claimCodeAttempt, clearCodeAttempts } from './code-attempts'
import { hashRecoveryCode } from './recovery-codes'
import { openSecret } from '../../lib/secret-box'
import { verifyTotp } from './totp'

type SecondFactorState = { id: number; totpSecret?: string | null; totpLastUsedStep?: number | null }

/**
 * Accepts a current TOTP code (each time step once) or an unused recovery code (once, ever), both
 * through the attempt limiter. The single-use marks are conditional UPDATEs, so two requests racing
 * with the same code can't both pass. Throws rate_limited while locked, invalid_request if wrong.
 */
export async function checkSecondFactor(payload: Payload, userId: number, code: string): Promise<'totp' | 'recovery'> {
  const claim = await claimCodeAttempt(payload, userId)
  if (!claim.allowed) throw new PortalError('rate_limited', t('twoFactor.error.locked', { seconds: claim.retryAfterSeconds }))
  const used = await useCode(payload, userId, code.trim())
  if (!used) throw new PortalError('invalid_request', t('api.error.invalid'), { code: t('twoFactor.error.wrongCode') })
  await clearCodeAttempts(payload, userId)
  return used
}

async function useCode(payload: Payload, userId: number, code: string): Promise<'totp' | 'recovery' | null> {
  if (/^\d{6}$/.test(code)) {
    const user = await payload.db.findOne<SecondFactorState>({ collection: 'users', where: { id: { equals: userId } } })
    if (!user?.totpSecret) return null
    const step = await verifyTotp(openSecret(user.totpSecret), code, user.totpLastUsedStep)
    if (step === null) return null
    const { rowCount } = await payload.db.pool.query(
      `UPDATE users SET totp_last_used_step = $2 WHERE id = $1 AND (totp_last_used_step IS NULL OR totp_last_used_step < $2)`,
      [userId, step],
    )
    return rowCount === 1 ? 'totp' : null
  }
  const { rowCount } = await payload.db.pool.query(
    `UPDATE users_recovery_codes SET used_at = now() WHERE _parent_id = $1 AND hash = $2 AND used_at IS NULL`,
    [userId, hashRecoveryCode(code)],
  )
  return rowCount === 1 ? 'recovery' : null
}
