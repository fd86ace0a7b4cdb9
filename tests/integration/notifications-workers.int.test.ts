import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { commitPortalChange } from '../../src/audit/record-portal-change'
import { testPayload } from '../helpers/payload'
import { eventually, pendingJobs, runJobsNow } from '../helpers/jobs'
import { SLACK_WEBHOOK, slackPosts, startHttpReceiver } from '../helpers/http-receiver'

const EVENTS = 500
const repoRoot = path.resolve(import.meta.dirname, '../..')

let payload: Payload
const workers: ChildProcess[] = []

/** `npm run worker`, exactly as deployed: its own process, its own Payload, the same database. */
function startWorker(): ChildProcess {
  const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['scripts/worker.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORTICO_WORKER_IDLE_MS: '100' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stderr?.on('data', (chunk: Buffer) => process.env.PORTICO_VERBOSE === '1' && process.stderr.write(chunk))
  workers.push(child)
  return child
}

beforeAll(async () => {
  payload = await testPayload()
  await runJobsNow(payload)
})

afterAll(async () => {
  await Promise.all(
    workers.map((child) =>
      child.exitCode === null ? new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM') }) : null,
    ),
  )
  await payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: null } })
})

describe('two workers over queued events', () => {
  it(`deliver each of ${EVENTS} events exactly once`, async () => {
    const slack = await startHttpReceiver(SLACK_WEBHOOK)
    try {
      await payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: slack.url, eventRules: [] } })
      // Account-level events with no subject: one Slack delivery each, nothing else.
      for (let index = 0; index < EVENTS; index++) {
        await commitPortalChange(
          payload,
          { actor: { kind: 'system', label: `bulk-${index}` }, organization: null, entity: { type: 'sessions', id: index }, action: 'account.session_revoked', event: { type: 'account.session_revoked' } },
          async () => ({}),
        )
      }
      expect(await pendingJobs(payload)).toBe(EVENTS)

      const outputs = [startWorker(), startWorker()].map((child) => {
        const lines: string[] = []
        child.stdout?.on('data', (chunk: Buffer) => lines.push(chunk.toString()))
        return lines
      })
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
