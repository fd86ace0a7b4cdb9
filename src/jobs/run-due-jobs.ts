import type { Payload } from 'payload'

import { dispatchEventBatch, type DispatchJob } from '../notifications/dispatch-event-batch'
import { dispatchPortalEventTask } from '../notifications/notification-tasks'
import { claimDueJobRows } from './claim-due-jobs'

/**
 * Claims a batch and runs it. The batch's dispatch-portal-event jobs are dispatched together
 * (dispatchEventBatch: a few statements for all of them, then their deliveries' first tries);
 * every other job, and any dispatch job the batch hands back, runs with Payload's runner
 * (retries, backoff, job log). Returns how many were claimed.
 * `held` (the runner's heartbeat set) holds each claimed id until its run ends.
 * Payload's own logging is off: it dumps the whole job per failed try; deliveries log one line instead.
 */
export async function runDueJobs(payload: Payload, { limit = 10, held }: { limit?: number; held?: Set<number> } = {}): Promise<number> {
  const jobs = await claimDueJobRows(payload, { limit })
  for (const job of jobs) held?.add(job.id)
  const runOne = (id: number) => payload.jobs.runByID({ id, silent: true }).finally(() => held?.delete(id))
  const dispatch: DispatchJob[] = []
  const others: number[] = []
  for (const job of jobs) {
    const eventId = Number(job.input?.eventId)
    if (job.taskSlug === dispatchPortalEventTask.slug && Number.isInteger(eventId)) dispatch.push({ jobId: job.id, eventId })
    else others.push(job.id)
  }
  const batch = async () => {
    if (dispatch.length === 0) return
    const left = await dispatchEventBatch(payload, dispatch, held)
    await Promise.all(left.map((job) => runOne(job.jobId)))
  }
  await Promise.all([batch(), ...others.map(runOne)])
  return jobs.length
}
