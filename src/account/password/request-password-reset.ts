import type { Payload } from 'payload'

/**
 * Queues the forgot-password work and returns at once. The request does the same thing whether or
 * not the address has an account (one job insert), so neither its answer nor its timing tells;
 * the job (send-password-reset) finds out, and only mails an address that has an account.
 */
export async function requestPasswordReset(payload: Payload, email: string): Promise<void> {
  await payload.jobs.queue({ task: 'send-password-reset', input: { email: email.trim().toLowerCase() } })
}
