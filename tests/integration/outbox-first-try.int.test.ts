import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { releaseStalledJobs } from '../../src/jobs/claim-due-jobs'
import { startJobRunner } from '../../src/jobs/start-job-runner'
import { withTransaction } from '../../src/lib/with-transaction'
import { insertPlannedDeliveries } from '../../src/notifications/insert-planned-deliveries'
import { SLACK_SUPPORT_ROUTE } from '../../src/notifications/plan-deliveries'
import { testPayload } from '../helpers/payload'
import { commitSlackOnlyEvents, eventually, pendingJobs, runJobsNow } from '../helpers/jobs'
import { SLACK_WEBHOOK, slackPosts, startHttpReceiver } from '../helpers/http-receiver'

const EVENTS = 300

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
  await runJobsNow(payload)
})

afterAll(async () => {
  await payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: null } })
})

const deliveryJobs = (label: string) =>
  payload.db.pool.query<{ completed: boolean; processing: boolean; tried: number; logs: number }>(
    `SELECT j.completed_at IS NOT NULL AS completed, j.processing, j.total_tried::int AS tried, (SELECT count(*)::int FROM payload_jobs_log l WHERE l._parent_id = j.id) AS logs
       FROM payload_jobs j JOIN notification_deliveries d ON d.id = (j.input->>'deliveryId')::int JOIN portal_events e ON e.id = d.event_id
      WHERE j.task_slug = 'deliver-notification' AND e.actor_label LIKE $1`,
    [`${label}-%`],
  )

describe('the dispatching runner makes each delivery’s first try (one job run per event)', () => {
  it(`two runners in one process over ${EVENTS} events: each delivered exactly once, every delivery job gone as Payload removes a completed one`, async () => {
    const slack = await startHttpReceiver(SLACK_WEBHOOK)
    try {
      await payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: slack.url, eventRules: [] } })
      await commitSlackOnlyEvents(payload, 'first-try', EVENTS)
      const runners = [startJobRunner(payload, { idleMs: 20, limit: 20 }), startJobRunner(payload, { idleMs: 20, limit: 20 })]
      try {
        await eventually(async () => slack.accepted.length >= EVENTS && (await pendingJobs(payload)) === 0, `${EVENTS} Slack posts`, 240_000)
      } finally {
        await Promise.all(runners.map((runner) => runner.stop()))
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
      // Only this test's events: a retry another file left waiting can fall due now and post here too.
      const labels = slackPosts(slack).flatMap((post) => /by (first-try-\d+)\)/.exec(post.text)?.[1] ?? [])
      expect(labels).toHaveLength(EVENTS)
      expect(new Set(labels).size).toBe(EVENTS)
      expect((await deliveryJobs('first-try')).rows).toEqual([])
      const { rows } = await payload.db.pool.query(`SELECT status, count(*)::int AS count, max(attempts)::int AS attempts FROM notification_deliveries d JOIN portal_events e ON e.id = d.event_id WHERE e.actor_label LIKE 'first-try-%' GROUP BY status`)
      expect(rows).toEqual([{ status: 'sent', count: EVENTS, attempts: 1 }])
    } finally {
      await slack.stop()
    }
  }, 300_000)

  it('a runner that dies between the dispatch commit and the first try: the lease lapses and another runner delivers it once', async () => {
    const slack = await startHttpReceiver(SLACK_WEBHOOK)
    try {
      await payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: slack.url, eventRules: [] } })
      await commitSlackOnlyEvents(payload, 'orphan', 1)
      const { rows: events } = await payload.db.pool.query<{ id: number }>(`SELECT id FROM portal_events WHERE actor_label = 'orphan-0'`)
      const eventId = Number(events[0].id)
      // The dispatch's transaction as it commits, and then nothing: the process "died" before its first try.
      await withTransaction(payload, async (req) => {
        await insertPlannedDeliveries(req, eventId, [{ key: `${eventId}:slack:${SLACK_SUPPORT_ROUTE}`, channel: 'slack', recipient: SLACK_SUPPORT_ROUTE }])
        await payload.update({ collection: 'portal-events', id: eventId, data: { dispatchedAt: new Date().toISOString() }, depth: 0, overrideAccess: true, req })
      })
      await payload.db.pool.query(`DELETE FROM payload_jobs WHERE task_slug = 'dispatch-portal-event' AND (input->>'eventId')::int = $1`, [eventId])
      await runJobsNow(payload)
      expect(slack.accepted).toHaveLength(0)
      expect((await deliveryJobs('orphan')).rows).toEqual([{ completed: false, processing: true, tried: 0, logs: 0 }])
      // Its heartbeat stopped a lease ago.
      await payload.db.pool.query(`UPDATE payload_jobs SET updated_at = now() - interval '31 seconds' WHERE task_slug = 'deliver-notification' AND processing = true AND completed_at IS NULL`)
      expect(await releaseStalledJobs(payload)).toBeGreaterThanOrEqual(1)
      await runJobsNow(payload)
      expect(slackPosts(slack).map((post) => post.text)).toEqual([expect.stringContaining('orphan-0')])
      const { rows } = await payload.db.pool.query(`SELECT status, attempts::int AS attempts FROM notification_deliveries WHERE event_id = $1`, [eventId])
      expect(rows).toEqual([{ status: 'sent', attempts: 1 }])
      // Dispatched twice (the job's retry after a crash) plans the same key: no second row, no second job.
      await withTransaction(payload, (req) => insertPlannedDeliveries(req, eventId, [{ key: `${eventId}:slack:${SLACK_SUPPORT_ROUTE}`, channel: 'slack', recipient: SLACK_SUPPORT_ROUTE }]))
      expect((await deliveryJobs('orphan')).rows).toEqual([])
      expect((await payload.db.pool.query(`SELECT id FROM notification_deliveries WHERE event_id = $1`, [eventId])).rows).toHaveLength(1)
    } finally {
      await slack.stop()
    }
  }, 120_000)
})
