import type { TaskConfig } from 'payload'

import { openSecret } from '../../lib/secret-box'
import { type OutgoingEmail, sendEmail } from './send-email'

/**
 * Sends an email queued by `queueEmail`. Retries with backoff (2 s … ~2 min) when SMTP is down;
 * a retry reuses the message's idempotency key, so its Message-ID is the same.
 */
export const sendEmailTask: TaskConfig<{ input: { sealed: string }; output: object }> = {
  slug: 'send-email',
  label: 'Send an email',
  inputSchema: [{ name: 'sealed', type: 'text', required: true }],
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 2_000 } },
  handler: async ({ input }) => {
    await sendEmail(JSON.parse(openSecret(input.sealed)) as OutgoingEmail)
    return { output: {} }
  },
}
