import type { Payload } from 'payload'

import { claimDueJobs } from './claim-due-jobs'

/**
 * Claims a batch and runs it with Payload's runner (retries, backoff, job log). Returns how many ran.
 * `held` (the runner's heartbeat set) holds each claimed id until its run ends.
 * Payload's own logging is off: it dumps the whole job per failed try; deliveries log one line instead.
 */
export async function runDueJobs(payload: Payload, { limit = 10, held }: { limit?: number; held?: Set<number> } = {}): Promise<number> {
  const ids = await claimDueJobs(payload, { limit })
  for (const id of ids) held?.add(id)
  await Promise.all(ids.map((id) => payload.jobs.runByID({ id, silent: true }).finally(() => held?.delete(id))))
  return ids.length
}
