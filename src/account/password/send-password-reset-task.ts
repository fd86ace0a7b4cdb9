import type { TaskConfig } from 'payload'

import { sendEmail } from '../../notifications/email/send-email'
import { issuePasswordResetToken, withdrawPasswordResetToken } from './issue-reset-token'
import { passwordResetEmail } from './password-reset-email'

/**
 * A reset token for an address that has an account, then our email with the link to
 * /reset-password; nothing at all for an unknown address (or within the per-account throttle).
 */
export const sendPasswordResetTask: TaskConfig<{ input: { email: string }; output: object }> = {
  slug: 'send-password-reset',
  label: 'Send a password-reset email',
  inputSchema: [{ name: 'email', type: 'text', required: true }],
  retries: { attempts: 4, backoff: { type: 'exponential', delay: 2_000 } },
  handler: async ({ input, job, req }) => {
    const issued = await issuePasswordResetToken(req.payload, input.email)
    if (!issued) return { output: {} }
    try {
      await sendEmail({ to: input.email, ...passwordResetEmail(issued.token, issued.locale), idempotencyKey: `password-reset-${job.id}` })
    } catch (error) {
      await withdrawPasswordResetToken(req.payload, input.email)
      throw error
    }
    return { output: {} }
  },
}
