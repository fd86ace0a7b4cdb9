import type { Payload } from 'payload'

import { JOB_LEASE_SECONDS, releaseStalledJobs, renewJobLeases } from './claim-due-jobs'
import { queueDuePeriodicTasks } from './periodic-tasks'
import { runDueJobs } from './run-due-jobs'

export type JobRunner = { stop: () => Promise<void> }

/**
 * Jobs claimed per pass: a pass's statements are the same few however many events it dispatches.
 * The outbox bench (2 runners, Slack deliveries, 6,000 events) measured ~870 events/s at 20 and,
 * with Slack's posts then in groups of 16 (src/notifications/deliver-first-try.ts), 1,120–1,280 at 100.
 * Jobs other than dispatches still run JOB_RUN_CONCURRENCY at a time (src/jobs/run-due-jobs.ts).
 */
export const JOB_CLAIM_LIMIT = 100

type RunnerOptions = { idleMs?: number; limit?: number; leaseSeconds?: number }

/**
 * Polls the jobs table: a full batch means more may be waiting, so it goes again at once; an empty
 * one waits `idleMs`. Any number of these (web processes, `npm run worker`) can run side by side.
 * Claims are leases: a heartbeat renews this runner's, and every runner sweeps up lapsed ones
 * (its first pass included), so a job whose process died runs again within a lease and a sweep.
 * `stop` stops claiming, lets the jobs in flight finish and gives back the rest of the claim;
 * nothing is left claimed. The periodic
 * sweeps (src/jobs/periodic-tasks.ts) are queued from the same loop.
 */
export function startJobRunner(payload: Payload, { idleMs = 1_000, limit = JOB_CLAIM_LIMIT, leaseSeconds = JOB_LEASE_SECONDS }: RunnerOptions = {}): JobRunner {
  let stopped = false
  let lastSweep = 0
  const held = new Set<number>()
  const periodicQueued = new Map<string, number>()
  const heartbeat = setInterval(() => {
    renewJobLeases(payload, [...held]).catch((error) => payload.logger.error({ err: error }, 'job runner: could not renew its leases'))
  }, (leaseSeconds * 1_000) / 3)
  heartbeat.unref()
  const loop = (async () => {
    while (!stopped) {
      let ran = 0
      try {
        if (Date.now() - lastSweep > (leaseSeconds * 1_000) / 6) {
          lastSweep = Date.now()
          await releaseStalledJobs(payload, leaseSeconds)
          // A sweep that can't be queued must not hold up the deliveries behind it.
          await queueDuePeriodicTasks(payload, periodicQueued).catch((error) => payload.logger.error({ err: error }, 'job runner: could not queue the periodic sweeps'))
        }
        ran = await runDueJobs(payload, { limit, held, stopping: () => stopped })
      } catch (error) {
        payload.logger.error({ err: error }, 'job runner: a batch failed; trying again shortly')
      }
      if (ran < limit && !stopped) await new Promise((resolve) => setTimeout(resolve, idleMs).unref())
    }
  })()
  return {
    stop: async () => {
      stopped = true
      await loop
      clearInterval(heartbeat)
    },
  }
}
