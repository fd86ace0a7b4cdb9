import type { Payload } from 'payload'

import { hashSingleUseToken, newSingleUseToken } from '../../lib/single-use-token'

/** One reset email per account per this interval, however often the form is sent. */
const MIN_INTERVAL = '15 seconds'

/**
 * A reset token for the account at `email` and the account's profile locale (the email's language),
 * or null when there is none or one was issued within MIN_INTERVAL. One autocommitted UPDATE stores
 * only the token's hash and its expiry, and takes the per-account throttle: the emailed token
 * itself is never in the database.
 */
export async function issuePasswordResetToken(payload: Payload, email: string): Promise<{ token: string; locale: string | null } | null> {
  const token = newSingleUseToken()
  const expirationMs = payload.collections.users.config.auth.forgotPassword?.expiration ?? 60 * 60 * 1000
  const { rows } = await payload.db.pool.query<{ locale: string | null }>(
    `UPDATE users SET reset_password_token = $2, reset_password_expiration = now() + make_interval(secs => $3), reset_password_requested_at = now()
      WHERE email = $1 AND (reset_password_requested_at IS NULL OR reset_password_requested_at < now() - interval '${MIN_INTERVAL}')
      RETURNING locale`,
    [email, hashSingleUseToken(token), expirationMs / 1000],
  )
  return rows.length === 1 ? { token, locale: rows[0]!.locale } : null
}

/** Nothing was sent: the token goes, and the throttle is given back so a retry isn't turned away by it. */
export async function withdrawPasswordResetToken(payload: Payload, email: string): Promise<void> {
  await payload.db.pool.query(`UPDATE users SET reset_password_token = NULL, reset_password_expiration = NULL, reset_password_requested_at = NULL WHERE email = $1`, [email])
}
