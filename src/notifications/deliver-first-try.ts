import { randomUUID } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { releaseJobs } from '../jobs/claim-due-jobs'
import { intArrayLiteral } from '../lib/int-array-literal'
import { runBounded } from '../lib/run-bounded'
import { transactionDb } from '../lib/transaction-db'
import { withTransaction } from '../lib/with-transaction'
import { deliverNotification, type KnownEvent } from './deliver-notification'
import { DELIVERY_BACKOFF_MS } from './delivery-retries'
import type { ClaimedDelivery } from './insert-planned-deliveries'
import { postToSlack } from './slack/post-to-slack'

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
/** Slack posts in flight at once, under one claim (they hold no connection of their own): at most this many can arrive twice after a crash. */
export const SLACK_POST_CONCURRENCY = 16

type Outcome = { delivery: ClaimedDelivery; executedAt: string; failure: string | null }

/**
 * The first tries of deliveries a dispatch just committed, made by the dispatching runner itself
 * on the jobs it inserted claimed: one job run per event (or per batch of events) instead of a
 * dispatch job and then a job per delivery. The batch's Slack posts share one claim
 * (postSlackFirstTries); any other try claims its delivery in its own transaction
 * (deliverNotification); a few at a time. `known` carries what the dispatch already read about
 * each event, so a try reads none of it again. The jobs are then closed in two statements: the
 * sent ones deleted, the failed ones logged and left waiting out their backoff for any runner.
 * Staff retries queue a job as before. Once `stopping` says so (the runner is stopping), a try not
 * yet made is not made: its job is given back unclaimed, untried, for any runner. Never throws:
 * each delivery's outcome is recorded.
 */
export async function deliverFirstTries(payload: Payload, claimed: readonly ClaimedDelivery[], known?: ReadonlyMap<number, KnownEvent>, stopping: () => boolean = () => false): Promise<void> {
  const unstarted: ClaimedDelivery[] = []
  const slackFirst = claimed.filter((delivery) => delivery.channel === 'slack' && known?.get(delivery.eventId)?.slackWebhookUrl)
  const outcomes: Outcome[] = slackFirst.length > 0 ? await postSlackFirstTries(payload, slackFirst, known!, stopping, unstarted) : []
  const rest = claimed.filter((delivery) => !slackFirst.includes(delivery))
  await runBounded(rest, async (delivery) => {
    if (stopping()) return void unstarted.push(delivery)
    const executedAt = new Date().toISOString()
    let failure: string | null = null
    try {
      await deliverNotification(payload, delivery.deliveryId, { finalAttempt: false, known: known?.get(delivery.eventId) })
    } catch (caught) {
      failure = caught instanceof Error ? caught.message : String(caught)
    }
    outcomes.push({ delivery, executedAt, failure })
  }, FIRST_TRY_CONCURRENCY)

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
    await releaseJobs(payload, unstarted.map((delivery) => delivery.jobId))
  } catch (caught) {
    // The jobs stay claimed; the lease sweep frees them and they run again (a sent delivery is skipped).
    payload.logger.error({ err: caught, jobIds: outcomes.map((outcome) => outcome.delivery.jobId) }, 'could not record first delivery tries; their jobs run again after the lease')
  }
}

/**
 * A batch's Slack first tries (one post per event, never merged), SLACK_POST_CONCURRENCY at a time,
 * each group under one claim: a transaction locks the group's unsent Slack deliveries (SKIP LOCKED:
 * one another worker holds is left to it), posts them at once with the message the dispatch
 * already built, and records the sent ones in one statement before it commits, so each is sent
 * once among workers; a crash before the commit leaves them unsent for their jobs' retry, as
 * deliverNotification does for one. Grouping bounds what a crash can send twice to the posts in
 * flight, however large the runner's claim; a stopping runner posts no further group (`unstarted`).
 * Failures are recorded at the end, in one statement, as deliverNotification records one.
 */
async function postSlackFirstTries(payload: Payload, deliveries: readonly ClaimedDelivery[], known: ReadonlyMap<number, KnownEvent>, stopping: () => boolean, unstarted: ClaimedDelivery[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  for (let start = 0; start < deliveries.length; start += SLACK_POST_CONCURRENCY) {
    if (stopping()) {
      unstarted.push(...deliveries.slice(start))
      break
    }
    outcomes.push(...(await postSlackGroup(payload, deliveries.slice(start, start + SLACK_POST_CONCURRENCY), known)))
  }
  const failed = outcomes.filter((outcome) => outcome.failure !== null)
  for (const outcome of failed) payload.logger.warn({ deliveryId: outcome.delivery.deliveryId, finalAttempt: false, reason: outcome.failure }, 'delivery failed; will retry')
  if (failed.length > 0) {
    await payload.db.pool
      .query(`UPDATE notification_deliveries d SET status = 'retrying', attempts = d.attempts + 1, last_error = f.reason, updated_at = now() FROM unnest($1::int[], $2::text[]) AS f(id, reason) WHERE d.id = f.id AND d.status <> 'sent'`, [
        failed.map((outcome) => outcome.delivery.deliveryId),
        failed.map((outcome) => outcome.failure),
      ])
      .catch((caught) => payload.logger.error({ err: caught }, 'could not record failed first Slack tries'))
  }
  return outcomes
}

/** One group of postSlackFirstTries: locked, posted together and recorded sent in one transaction. */
async function postSlackGroup(payload: Payload, deliveries: readonly ClaimedDelivery[], known: ReadonlyMap<number, KnownEvent>): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  try {
    await withTransaction(payload, async (req) => {
      const db = await transactionDb(req)
      const ids = intArrayLiteral(deliveries.map((delivery) => delivery.deliveryId))
      const { rows } = await db.execute(sql`SELECT id FROM notification_deliveries WHERE id = ANY(${ids}::int[]) AND status IN ('pending', 'retrying') ORDER BY id FOR UPDATE SKIP LOCKED`)
      const locked = new Set((rows as Array<{ id: number }>).map((row) => Number(row.id)))
      const sent: Array<{ id: number; title: string }> = []
      await Promise.all(deliveries.map(async (delivery) => {
        const executedAt = new Date().toISOString()
        // Sent already, or another worker has it: done here, as deliverNotification's 'skipped'.
        if (!locked.has(delivery.deliveryId)) return void outcomes.push({ delivery, executedAt, failure: null })
        const { message, slackWebhookUrl } = known.get(delivery.eventId)!
        try {
          await postToSlack(slackWebhookUrl!, message)
          sent.push({ id: delivery.deliveryId, title: message.title })
          outcomes.push({ delivery, executedAt, failure: null })
        } catch (caught) {
          outcomes.push({ delivery, executedAt, failure: caught instanceof Error ? caught.message : String(caught) })
        }
      }))
      if (sent.length > 0) {
        await db.execute(sql`
          UPDATE notification_deliveries d SET status = 'sent', sent_at = now(), attempts = d.attempts + 1, last_error = NULL, subject = s.title, mail_file = NULL, updated_at = now()
            FROM jsonb_to_recordset(${JSON.stringify(sent)}::jsonb) AS s(id int, title text) WHERE d.id = s.id`)
      }
    })
  } catch (caught) {
    // Nothing of this group was recorded sent: each of its tries counts as failed and retries with backoff.
    const failure = caught instanceof Error ? caught.message : String(caught)
    const executedAt = new Date().toISOString()
    return deliveries.map((delivery) => ({ delivery, executedAt, failure }))
  }
  return outcomes
}
