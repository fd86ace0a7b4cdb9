import type { PayloadRequest } from 'payload'

import { sealSecret } from '../../lib/secret-box'
import type { OutgoingEmail } from './send-email'

/**
 * Queues an email in the caller's transaction: it is sent by a job only if the write that needs it
 * commits, and it is sent even if this process dies right after. The whole message is sealed
 * (AES-256-GCM), because a link in it may carry a single-use token that the database must never
 * hold readable; the job's input is only the sealed text.
 */
export async function queueEmail(req: PayloadRequest, email: OutgoingEmail): Promise<void> {
  await req.payload.jobs.queue({ task: 'send-email', input: { sealed: sealSecret(JSON.stringify(email)) }, req })
}
