import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../helpers/payload'
import { commitSlackOnlyEvents, eventually, pendingJobs, runJobsNow } from '../helpers/jobs'
import { SLACK_WEBHOOK, slackPosts, startHttpReceiver } from '../helpers/http-receiver'
import { startReadyWorker, stopWorker, type WorkerProcess } from '../helpers/worker-process'

const EVENTS = 500

let payload: Payload
const workers: WorkerProcess[] = []

beforeAll(async () => {
  payload = await testPayload()
  await runJobsNow(payload)
})

afterAll(async () => {
  await Promise.all(workers.map(stopWorker))
  await payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: null } })
})

describe('two workers over queued events', () => {
  it(`deliver each of ${EVENTS} events exactly once`, async () => {
    const slack = await startHttpReceiver(SLACK_WEBHOOK)
    try {
      await payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: slack.url, eventRules: [] } })
      await commitSlackOnlyEvents(payload, 'bulk', EVENTS)
      expect(await pendingJobs(payload)).toBe(EVENTS)

      workers.push(...(await Promise.all([startReadyWorker(), startReadyWorker()])))
      const outputs = workers.map((worker) => worker.output)
      await eventually(async () => slack.accepted.length >= EVENTS && (await pendingJobs(payload)) === 0, `${EVENTS} Slack posts`, 240_000)
      // Give a duplicate, if there were one, time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 1_500))

      const labels = slackPosts(slack).map((post) => /by (bulk-\d+)\)/.exec(post.text)?.[1])
      expect(labels).toHaveLength(EVENTS)
      expect(new Set(labels).size).toBe(EVENTS)
      expect(slack.attempts()).toBe(EVENTS)
      const { rows } = await payload.db.pool.query(`SELECT status, count(*)::int AS count, max(attempts)::int AS attempts FROM notification_deliveries d JOIN portal_events e ON e.id = d.event_id WHERE e.actor_label LIKE 'bulk-%' GROUP BY status`)
      expect(rows).toEqual([{ status: 'sent', count: EVENTS, attempts: 1 }])
      expect(outputs.every((lines) => lines.join('').includes('delivering portal events'))).toBe(true)
    } finally {
      await slack.stop()
    }
  }, 300_000)
})
