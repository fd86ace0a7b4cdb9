import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { deliverNotification } from './deliver-notification'
import { DELIVERY_BACKOFF_MS } from './delivery-retries'
import type { ClaimedDelivery } from './insert-planned-deliveries'

/** A sent (or already sent) delivery's job goes as Payload's runner removes a completed one (deleteJobOnComplete). */
const DONE_SQL = `DELETE FROM payload_jobs WHERE id = $1`

/**
 * A failed try is closed as Payload's runner would: a job-log row (Payload counts retries from the
 * log) and the job released with the backoff Payload gives a first failure (2^0 × base).
 */
const FAILED_SQL = `
  WITH log AS (
    INSERT INTO payload_jobs_log (_order, _parent_id, id, executed_at, completed_at, task_slug, task_i_d, input, state, error)
    VALUES (1, $1, $2, $3, now(), 'deliver-notification', '1', jsonb_build_object('deliveryId', $4::int), 'failed', $5::jsonb)
  )
  UPDATE payload_jobs SET processing = false, total_tried = 1, updated_at = now(), wait_until = now() + make_interval(secs => $6) WHERE id = $1`

/**
 * The first try of a delivery its dispatch just committed, made by the dispatching runner itself on
 * the job it inserted claimed: one job run per event instead of a dispatch job and then a job per
 * delivery. Retries are the job's, unchanged: a failure leaves it waiting out its backoff for any
 * runner, and staff retries queue a job as before. Never throws: the delivery's outcome is recorded.
 */
export async function deliverFirstTry(payload: Payload, { deliveryId, jobId }: ClaimedDelivery): Promise<void> {
  const executedAt = new Date().toISOString()
  let failure: string | null = null
  try {
    await deliverNotification(payload, deliveryId, { finalAttempt: false })
  } catch (caught) {
    failure = caught instanceof Error ? caught.message : String(caught)
  }
  try {
    if (failure === null) await payload.db.pool.query(DONE_SQL, [jobId])
    else await payload.db.pool.query(FAILED_SQL, [jobId, randomUUID(), executedAt, deliveryId, JSON.stringify({ message: failure }), DELIVERY_BACKOFF_MS / 1_000])
  } catch (caught) {
    // The job stays claimed; the lease sweep frees it and it runs again (a sent delivery is skipped).
    payload.logger.error({ err: caught, jobId, deliveryId }, 'could not record a first delivery try; its job runs again after the lease')
  }
}
