import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { deliverNotification, type KnownEvent } from './deliver-notification'
import { DELIVERY_BACKOFF_MS } from './delivery-retries'
import type { ClaimedDelivery } from './insert-planned-deliveries'

/** Sent (or already sent) deliveries' jobs go as Payload's runner removes a completed one (deleteJobOnComplete). */
const DONE_SQL = `DELETE FROM payload_jobs WHERE id = ANY($1::int[])`

/**
 * Failed tries are closed as Payload's runner would: a job-log row each (Payload counts retries
 * from the log) and the job released with the backoff Payload gives a first failure (2^0 × base).
 */
const FAILED_SQL = `
  WITH failed AS (
    SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::int[], $5::text[]) AS f(job_id, log_id, executed_at, delivery_id, message)
  ), log AS (
    INSERT INTO payload_jobs_log (_order, _parent_id, id, executed_at, completed_at, task_slug, task_i_d, input, state, error)
    SELECT 1, job_id, log_id, executed_at, now(), 'deliver-notification', '1', jsonb_build_object('deliveryId', delivery_id), 'failed', jsonb_build_object('message', message) FROM failed
  )
  UPDATE payload_jobs SET processing = false, total_tried = 1, updated_at = now(), wait_until = now() + make_interval(secs => $6) WHERE id IN (SELECT job_id FROM failed)`

/** First tries in flight at once per batch: each holds a pooled connection while it sends. */
export const FIRST_TRY_CONCURRENCY = 8

type Outcome = { delivery: ClaimedDelivery; executedAt: string; failure: string | null }

/**
 * The first tries of deliveries a dispatch just committed, made by the dispatching runner itself
 * on the jobs it inserted claimed: one job run per event (or per batch of events) instead of a
 * dispatch job and then a job per delivery. Each try claims its delivery in its own transaction
 * (deliverNotification), a few at a time; `known` carries what the dispatch already read about
 * each event, so a try reads none of it again. The jobs are then closed in two statements: the
 * sent ones deleted, the failed ones logged and left waiting out their backoff for any runner.
 * Staff retries queue a job as before. Never throws: each delivery's outcome is recorded.
 */
export async function deliverFirstTries(payload: Payload, claimed: readonly ClaimedDelivery[], known?: ReadonlyMap<number, KnownEvent>): Promise<void> {
  const outcomes: Outcome[] = []
  let next = 0
  const worker = async () => {
    while (next < claimed.length) {
      const delivery = claimed[next++]
      const executedAt = new Date().toISOString()
      let failure: string | null = null
      try {
        await deliverNotification(payload, delivery.deliveryId, { finalAttempt: false, known: known?.get(delivery.eventId) })
      } catch (caught) {
        failure = caught instanceof Error ? caught.message : String(caught)
      }
      outcomes.push({ delivery, executedAt, failure })
    }
  }
  await Promise.all(Array.from({ length: Math.min(FIRST_TRY_CONCURRENCY, claimed.length) }, worker))

  const done = outcomes.filter((outcome) => outcome.failure === null)
  const failed = outcomes.filter((outcome) => outcome.failure !== null)
  try {
    if (done.length > 0) await payload.db.pool.query(DONE_SQL, [done.map((outcome) => outcome.delivery.jobId)])
    if (failed.length > 0) {
      await payload.db.pool.query(FAILED_SQL, [
        failed.map((outcome) => outcome.delivery.jobId),
        failed.map(() => randomUUID()),
        failed.map((outcome) => outcome.executedAt),
        failed.map((outcome) => outcome.delivery.deliveryId),
        failed.map((outcome) => outcome.failure),
        DELIVERY_BACKOFF_MS / 1_000,
      ])
    }
  } catch (caught) {
    // The jobs stay claimed; the lease sweep frees them and they run again (a sent delivery is skipped).
    payload.logger.error({ err: caught, jobIds: outcomes.map((outcome) => outcome.delivery.jobId) }, 'could not record first delivery tries; their jobs run again after the lease')
  }
}

/** One delivery's first try (deliverFirstTries for one). */
export const deliverFirstTry = (payload: Payload, delivery: ClaimedDelivery): Promise<void> => deliverFirstTries(payload, [delivery])
