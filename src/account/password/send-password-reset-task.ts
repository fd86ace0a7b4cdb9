import type { TaskConfig } from 'payload'

import { sendEmail } from '../../notifications/email/send-email'
import { passwordResetEmail } from './password-reset-email'
import { PASSWORD_RESET_JOB } from './password-reset-context'

/** One reset email per account per this interval, however often the form is sent. */
const MIN_INTERVAL = '15 seconds'

/**
 * Payload's forgot-password (its token, stored on the user) for an address that has an account,
 * then our email with the link to /reset-password; nothing at all for an unknown address.
 *
 * The per-account throttle is one autocommitted UPDATE here. Payload's own (taken when it sends
 * the email itself) holds a second pool connection inside its transaction, and a burst of reset
 * jobs running side by side would then wait on each other for connections forever.
 */
export const sendPasswordResetTask: TaskConfig<{ input: { email: string }; output: object }> = {
  slug: 'send-password-reset',
  label: 'Send a password-reset email',
  inputSchema: [{ name: 'email', type: 'text', required: true }],
  retries: { attempts: 4, backoff: { type: 'exponential', delay: 2_000 } },
  handler: async ({ input, job, req }) => {
    const { rowCount } = await req.payload.db.pool.query(
      `UPDATE users SET reset_password_requested_at = now()
        WHERE email = $1 AND (reset_password_requested_at IS NULL OR reset_password_requested_at < now() - interval '${MIN_INTERVAL}')`,
      [input.email],
    )
    if (rowCount !== 1) return { output: {} }
    try {
      req.context[PASSWORD_RESET_JOB] = true
      const token = await req.payload.forgotPassword({ collection: 'users', data: { email: input.email }, disableEmail: true, req })
      await sendEmail({ to: input.email, subject: passwordResetEmail.subject, text: passwordResetEmail.text(token), html: passwordResetEmail.html(token), idempotencyKey: `password-reset-${job.id}` })
    } catch (error) {
      // Nothing was sent: give the throttle back so the job's retry isn't turned away by it.
      await req.payload.db.pool.query(`UPDATE users SET reset_password_requested_at = NULL WHERE email = $1`, [input.email])
      throw error
    }
    return { output: {} }
  },
}
