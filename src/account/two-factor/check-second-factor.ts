import type { Payload } from 'payload'

import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { RateLimited } from '../../lib/rate-limit/rate-limit'
import { openSecret } from '../../lib/secret-box'
import { claimCodeAttempt, clearCodeAttempts } from './code-attempts'
import { type Principal, principalOf, tablesOf } from './principal'
import { hashRecoveryCode } from './recovery-codes'
import { verifyTotp } from './totp'

type SecondFactorState = { id: number; totpSecret?: string | null; totpLastUsedStep?: number | null }

/**
 * Accepts a current TOTP code (each time step once) or an unused recovery code (once, ever), both
 * through the attempt limiter. The single-use marks are conditional UPDATEs, so two requests racing
 * with the same code can't both pass. Throws RateLimited (429 with the lock's Retry-After) while
 * locked, invalid_request if wrong. A bare id is a customer; staff pass `{ collection: 'staff', id }`.
 */
export async function checkSecondFactor(payload: Payload, subject: Principal | number, code: string): Promise<'totp' | 'recovery'> {
  const principal = principalOf(subject)
  const claim = await claimCodeAttempt(payload, principal)
  if (!claim.allowed) throw new RateLimited(claim.retryAfterSeconds, t('twoFactor.error.locked', { seconds: claim.retryAfterSeconds }))
  const used = await useCode(payload, principal, code.trim())
  if (!used) throw new PortalError('invalid_request', t('api.error.invalid'), { code: t('twoFactor.error.wrongCode') })
  await clearCodeAttempts(payload, principal)
  return used
}

async function useCode(payload: Payload, { collection, id }: Principal, code: string): Promise<'totp' | 'recovery' | null> {
  const tables = tablesOf(collection)
  if (/^\d{6}$/.test(code)) {
    const row = await payload.db.findOne<SecondFactorState>({ collection, where: { id: { equals: id } } })
    if (!row?.totpSecret) return null
    const step = await verifyTotp(openSecret(row.totpSecret), code, row.totpLastUsedStep)
    if (step === null) return null
    const { rowCount } = await payload.db.pool.query(
      `UPDATE ${tables.row} SET totp_last_used_step = $2 WHERE id = $1 AND (totp_last_used_step IS NULL OR totp_last_used_step < $2)`,
      [id, step],
    )
    return rowCount === 1 ? 'totp' : null
  }
  const { rowCount } = await payload.db.pool.query(
    `UPDATE ${tables.recoveryCodes} SET used_at = now() WHERE _parent_id = $1 AND hash = $2 AND used_at IS NULL`,
    [id, hashRecoveryCode(code)],
  )
  return rowCount === 1 ? 'recovery' : null
}
