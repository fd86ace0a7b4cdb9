import type { Payload } from 'payload'
import QRCode from 'qrcode'

import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { sealSecret } from '../../lib/secret-box'
import { isAuthCollection, tablesOf } from './principal'
import { newTotpSecret, totpUri } from './totp'
import { readTwoFactorState } from './two-factor-state'

export type Enrolment = { key: string; uri: string; qrSvg: string }

/**
 * A fresh secret for the authenticator app, stored sealed and inert until a code from it is
 * confirmed (enable-two-factor). Starting again replaces an unconfirmed secret. The QR code is
 * rendered here, server-side, so the secret never goes to a third-party QR service. `user` is a
 * customer, or a staff member when its `collection` says so (as Payload's `req.user` does).
 */
export async function startEnrolment(payload: Payload, user: { id: number; email: string; collection?: string }): Promise<Enrolment> {
  const principal = { collection: isAuthCollection(user.collection) ? user.collection : 'users', id: user.id } as const
  if ((await readTwoFactorState(payload, principal)).enabledAt) throw new PortalError('conflict', t('twoFactor.error.alreadyOn'))
  const key = newTotpSecret()
  // Plain SQL: nothing about the account has changed yet (nothing to audit), and Payload's partial
  // db update would rewrite the user's array fields (sessions) along with it.
  await payload.db.pool.query(`UPDATE ${tablesOf(principal.collection).row} SET totp_secret = $2, totp_last_used_step = NULL WHERE id = $1`, [user.id, sealSecret(key)])
  const uri = totpUri(key, user.email)
  return { key, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) }
}
