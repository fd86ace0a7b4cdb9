import type { TaskConfig } from 'payload'

import { sendApiKeyExpiryNotices } from './send-api-key-expiry-notices'

/**
 * The sweep that sends API key expiry warnings (7 days, 1 day) and expiry notices; every job
 * runner queues it every 15 minutes (src/jobs/periodic-tasks.ts). Not a Payload `schedule`: that
 * needs Payload's jobs-stats global (a table of its own) and a runner that calls `handleSchedules`.
 */
export const apiKeyExpiryNoticesTask: TaskConfig<{ input: object; output: { sent: number } }> = {
  slug: 'api-key-expiry-notices',
  label: 'Send API key expiry notices',
  inputSchema: [],
  outputSchema: [{ name: 'sent', type: 'number' }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
  handler: async ({ req }) => ({ output: { sent: await sendApiKeyExpiryNotices(req.payload) } }),
}
