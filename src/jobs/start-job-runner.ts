import type { Payload } from 'payload'

import { releaseStalledJobs } from './claim-due-jobs'
import { runDueJobs } from './run-due-jobs'

export type JobRunner = { stop: () => Promise<void> }

/**
 * Polls the jobs table: a full batch means more may be waiting, so it goes again at once; an empty
 * one waits `idleMs`. Any number of these (web processes, `npm run worker`) can run side by side.
 */
export function startJobRunner(payload: Payload, { idleMs = 1_000, limit = 10 }: { idleMs?: number; limit?: number } = {}): JobRunner {
  let stopped = false
  let lastSweep = 0
  const loop = (async () => {
    while (!stopped) {
      let ran = 0
      try {
        if (Date.now() - lastSweep > 60_000) {
          lastSweep = Date.now()
          await releaseStalledJobs(payload)
        }
        ran = await runDueJobs(payload, { limit })
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
    },
  }
}
