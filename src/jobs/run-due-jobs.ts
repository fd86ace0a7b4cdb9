import type { Payload } from 'payload'

import { runBounded } from '../lib/run-bounded'
import { dispatchEventBatch, type DispatchJob } from '../notifications/dispatch-event-batch'
import { dispatchPortalEventTask } from '../notifications/notification-tasks'
import { claimDueJobRows, releaseJobs } from './claim-due-jobs'

/** Jobs of other kinds run through Payload's runner at most this many at once: each holds a pooled connection. */
export const JOB_RUN_CONCURRENCY = 8

/**
 * Claims a batch and runs it. The batch's dispatch-portal-event jobs are dispatched together
 * (dispatchEventBatch: a few statements for all of them, then their deliveries' first tries);
 * every other job, and any dispatch job the batch hands back, runs with Payload's runner
 * (retries, backoff, job log), a few at a time. Returns how many were claimed.
 * `held` (the runner's heartbeat set) holds each claimed id until its run ends. Once `stopping`
 * says so, a job not yet started is given back instead (releaseJobs), so a stopping runner only
 * waits for what is in flight, however large its claim.
 * Payload's own logging is off: it dumps the whole job per failed try; deliveries log one line instead.
 */
export async function runDueJobs(payload: Payload, { limit, held, stopping }: { limit: number; held?: Set<number>; stopping?: () => boolean }): Promise<number> {
  const jobs = await claimDueJobRows(payload, { limit })
  for (const job of jobs) held?.add(job.id)
  const unstarted: number[] = []
  const runOne = async (id: number) => {
    if (stopping?.()) return void unstarted.push(id)
    await payload.jobs.runByID({ id, silent: true }).finally(() => held?.delete(id))
  }
  const dispatch: DispatchJob[] = []
  const others: number[] = []
  for (const job of jobs) {
    const eventId = Number(job.input?.eventId)
    if (job.taskSlug === dispatchPortalEventTask.slug && Number.isInteger(eventId)) dispatch.push({ jobId: job.id, eventId })
    else others.push(job.id)
  }
  const batch = async () => {
    if (dispatch.length === 0) return
    const left = await dispatchEventBatch(payload, dispatch, { held, stopping })
    await runBounded(left, (job) => runOne(job.jobId), JOB_RUN_CONCURRENCY)
  }
  await Promise.all([batch(), runBounded(others, runOne, JOB_RUN_CONCURRENCY)])
  await releaseJobs(payload, unstarted).finally(() => unstarted.forEach((id) => held?.delete(id)))
  return jobs.length
}
