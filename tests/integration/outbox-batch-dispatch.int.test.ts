import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { commitPortalChange } from '../../src/audit/record-portal-change'
import { runDueJobs } from '../../src/jobs/run-due-jobs'
import { asCustomer, createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { commitSlackOnlyEvents, eventually, pendingJobs, runJobsNow } from '../helpers/jobs'
import { SLACK_WEBHOOK, slackPosts, startHttpReceiver } from '../helpers/http-receiver'

const EVENTS = 40

let payload: Payload
let org: TestOrganization

beforeAll(async () => {
  process.env.PORTICO_MAIL_DIR ??= (await import('node:os')).tmpdir()
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'batch')
  await runJobsNow(payload)
})

afterAll(async () => {
  await payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: null } })
})

/** An organization event as the owner made it: Slack, plus email and in-app to the admin and the subject (not the owner, the actor). */
const commitRoleEvent = (index: number) =>
  commitPortalChange(
    payload,
    {
      actor: { kind: 'customer', user: asCustomer(org.members.owner) },
      organization: org.organization.id,
      entity: { type: 'memberships', id: index },
      action: 'member.role_changed',
      event: { type: 'member.role_changed', data: { subjectUserId: org.members.viewer.id, changes: { note: ['x', `bt${index}zz`] } } },
    },
    async () => ({}),
  )

describe('dispatch-portal-event jobs claimed together are dispatched as one batch', () => {
  it(`${EVENTS} events with several recipients each, two runners racing: exactly the planned deliveries, each sent once`, async () => {
    const slack = await startHttpReceiver(SLACK_WEBHOOK)
    try {
      await payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: slack.url, eventRules: [] } })
      const events = []
      for (let index = 0; index < EVENTS; index++) events.push((await commitRoleEvent(index)).event!)
      const ids = events.map((event) => event.id)
      // Two runners in one process, each claiming batches of 20, as fast as they can.
      const race = async () => {
        while ((await runDueJobs(payload, { limit: 20 })) > 0) {
          // again
        }
      }
      await Promise.all([race(), race()])
      await eventually(async () => (await pendingJobs(payload)) === 0, 'every job done', 60_000)

      const { rows } = await payload.db.pool.query<{ event_id: number; channel: string; recipient_user_id: number | null; status: string; attempts: number }>(
        `SELECT event_id, channel, recipient_user_id, status, attempts::int AS attempts FROM notification_deliveries WHERE event_id = ANY($1::int[])`,
        [ids],
      )
      const expected = ids.flatMap((id) => [
        `${id}:slack:null`,
        ...[org.members.admin.id, org.members.viewer.id].flatMap((user) => [`${id}:email:${user}`, `${id}:in_app:${user}`]),
      ])
      expect(rows.map((row) => `${row.event_id}:${row.channel}:${row.recipient_user_id}`).sort()).toEqual(expected.sort())
      expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true)

      const labels = slackPosts(slack).flatMap((post) => JSON.stringify(post.blocks).match(/bt\d+zz/g) ?? [])
      expect(labels).toHaveLength(EVENTS)
      expect(new Set(labels).size).toBe(EVENTS)
      // In-app rows: one per (event, recipient), the actor never among them.
      const { rows: inbox } = await payload.db.pool.query<{ user_id: number }>(`SELECT user_id FROM notifications WHERE event_id = ANY($1::int[])`, [ids])
      expect(inbox).toHaveLength(EVENTS * 2)
      expect(inbox.some((row) => Number(row.user_id) === org.members.owner.id)).toBe(false)
      const { rows: dispatched } = await payload.db.pool.query(`SELECT id FROM portal_events WHERE id = ANY($1::int[]) AND dispatched_at IS NULL`, [ids])
      expect(dispatched).toEqual([])
      const { rows: jobs } = await payload.db.pool.query(
        `SELECT id FROM payload_jobs WHERE (task_slug = 'dispatch-portal-event' AND (input->>'eventId')::int = ANY($1::int[])) OR (task_slug = 'deliver-notification' AND (input->>'deliveryId')::int IN (SELECT id FROM notification_deliveries WHERE event_id = ANY($1::int[])))`,
        [ids],
      )
      expect(jobs).toEqual([])
    } finally {
      await slack.stop()
    }
  }, 180_000)

  it('an event that cannot be planned goes back to Payload’s runner (retry, job log); the rest of its batch is delivered; a dispatched event dispatched again adds nothing', async () => {
    const slack = await startHttpReceiver(SLACK_WEBHOOK)
    let badJob: number | undefined
    try {
      await payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: slack.url, eventRules: [] } })
      await commitSlackOnlyEvents(payload, 'mixed', 5)
      const { rows: bad } = await payload.db.pool.query<{ id: number }>(`INSERT INTO portal_events (type, actor_label, data) VALUES ('no.such_event', 'mixed-bad', '{}') RETURNING id`)
      const job = await payload.jobs.queue({ task: 'dispatch-portal-event', input: { eventId: Number(bad[0].id) } })
      badJob = Number(job.id)
      expect(await runDueJobs(payload, { limit: 20 })).toBe(6)

      const labels = slackPosts(slack).flatMap((post) => /by (mixed-\d+)\)/.exec(post.text)?.[1] ?? [])
      expect(labels.sort()).toEqual(['mixed-0', 'mixed-1', 'mixed-2', 'mixed-3', 'mixed-4'])
      const { rows: failed } = await payload.db.pool.query(
        `SELECT j.total_tried::int AS tried, j.processing, j.completed_at IS NULL AS open, (SELECT count(*)::int FROM payload_jobs_log l WHERE l._parent_id = j.id AND l.state = 'failed') AS logs FROM payload_jobs j WHERE j.id = $1`,
        [badJob],
      )
      expect(failed).toEqual([{ tried: 1, processing: false, open: true, logs: 1 }])

      // A dispatch job for an event already dispatched (a run again after a crash): completed, no second delivery.
      const { rows: done } = await payload.db.pool.query<{ id: number }>(`SELECT id FROM portal_events WHERE actor_label = 'mixed-0'`)
      await payload.jobs.queue({ task: 'dispatch-portal-event', input: { eventId: Number(done[0].id) } })
      await runDueJobs(payload, { limit: 20 })
      expect(slack.accepted).toHaveLength(5)
      expect((await payload.db.pool.query(`SELECT id FROM notification_deliveries WHERE event_id = $1`, [done[0].id])).rows).toHaveLength(1)
      expect((await payload.db.pool.query(`SELECT id FROM payload_jobs WHERE task_slug = 'dispatch-portal-event' AND (input->>'eventId')::int = $1`, [done[0].id])).rows).toEqual([])
    } finally {
      if (badJob !== undefined) await payload.db.pool.query(`DELETE FROM payload_jobs WHERE id = $1`, [badJob])
      await slack.stop()
    }
  }, 120_000)
})
