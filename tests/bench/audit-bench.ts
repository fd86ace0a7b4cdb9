import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Payload } from 'payload'

import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres'
import { runBounded } from '../../src/lib/run-bounded'
import { run } from '../../scripts/lib/next-build'
import { SLACK_WEBHOOK, slackPosts, startHttpReceiver } from '../helpers/http-receiver'
import type { BenchRow } from './types'
import { percentiles, round } from './stats'
import { measureWebhooks } from './webhook-bench'

const AUDIT_ROWS = 1_000_000
const TIMELINE_SAMPLES = 400
const PAGE = 25
/** Enough for a few seconds of delivery: at 2,000 the first passes' warm-up was a fifth of the row. */
const OUTBOX_EVENTS = 6_000
const TARGET_P95_MS = 20
const REPO_ROOT = path.resolve(import.meta.dirname, '../..')
const BARE_ROW = 'audit: bare indexed keyset query, 1M rows (floor)'
const TIMELINE_ROW = 'audit: activity timeline (listOrganizationActivity), 1M rows'
const OUTBOX_ROW = 'outbox: events delivered to a local Slack receiver (2 runners)'

/**
 * The audit timeline on an organization with 1,000,000 audit rows (the portal's query through
 * Payload with the customer's access rules, against the same keyset query in bare SQL), and the
 * outbox's delivery throughput to a local Slack receiver. Runs on its own embedded PostgreSQL,
 * migrated and seeded by `tsx scripts/db-prepare.ts` in a child process.
 */
export async function benchAudit(): Promise<BenchRow[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portico-audit-bench-'))
  const postgres = await startEmbeddedPostgres({ dataDir })
  process.env.DATABASE_URL = postgres.url
  process.env.PAYLOAD_SECRET ||= 'audit-bench-secret'
  process.env.PORTICO_JOBS = 'off'
  let payload: Payload | undefined
  try {
    await run(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/db-prepare.ts', '--seed'], { ...process.env })
    const { getPayload } = await import('payload')
    const { default: config } = await import('../../payload.config')
    payload = await getPayload({ config })
    // Every module the rows run, loaded now: the run measures the code as it was when it started.
    await Promise.all([import('../../src/audit/record-portal-change'), import('../../src/jobs/start-job-runner'), import('../../src/app/(portal)/api/stripe/webhooks/route')])
    const timeline = await measureTimeline(payload)
    const outbox = await measureOutbox(payload)
    // After the outbox row: the runner is off, so the process-stripe-event jobs it queues wait untouched.
    const webhooks = await measureWebhooks(payload)
    return [
      { name: BARE_ROW, unit: 'ms/page', p50: timeline.bare.p50, p95: timeline.bare.p95, p99: timeline.bare.p99, notes: { rows: AUDIT_ROWS, samples: TIMELINE_SAMPLES, page: PAGE } },
      {
        name: TIMELINE_ROW,
        unit: 'ms/page',
        p50: timeline.portal.p50,
        p95: timeline.portal.p95,
        p99: timeline.portal.p99,
        errors: timeline.portal.p95 < TARGET_P95_MS ? 0 : 1,
        floor: BARE_ROW,
        notes: { targetP95Ms: TARGET_P95_MS, p95RatioToBare: round(timeline.portal.p95 / timeline.bare.p95), insertSeconds: timeline.insertSeconds },
      },
      { name: OUTBOX_ROW, unit: 'events/s', throughput: Math.round(outbox.events / outbox.seconds), errors: outbox.duplicates, notes: { events: outbox.events, seconds: round(outbox.seconds), claimLimit: outbox.claimLimit } },
      ...webhooks,
    ]
  } finally {
    if (payload) {
      payload.db.pool.on('error', () => {})
      await payload.destroy()
    }
    await postgres.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function measureTimeline(payload: Payload) {
  const { listOrganizationActivity } = await import('../../src/audit/list-organization-activity')
  const { decodeActivityCursor, encodeActivityCursor } = await import('../../src/audit/activity-cursor')
  const organization = (await payload.find({ collection: 'organizations', where: { name: { equals: 'Demo Co' } }, limit: 1 })).docs[0]
  const admin = (await payload.find({ collection: 'users', where: { email: { equals: 'admin@demo.test' } }, limit: 1 })).docs[0]
  const memberIds = (await payload.find({ collection: 'memberships', where: { organization: { equals: organization.id } }, depth: 0, pagination: false })).docs.map((row) => Number(row.user))

  const insertStarted = performance.now()
  // One statement: a year of history, one change every ~30 s, spread over the organization's members.
  await payload.db.pool.query(
    `INSERT INTO portal_audit (action, actor_kind, actor_user_id, actor_label, organization_id, entity_type, entity_id, before, after, request_id, created_at, updated_at)
     SELECT (ARRAY['member.role_changed','api_key.created','api_key.revoked','organization.billing_email_changed','billing.plan_changed'])[1 + g % 5],
            'customer', ($2::int[])[1 + g % array_length($2::int[], 1)], 'bench@demo.test', $1, 'memberships', (g % 5000)::text,
            jsonb_build_object('role', 'member'), jsonb_build_object('role', 'admin'), 'bench-' || g,
            now() - make_interval(secs => g * 31.5), now() - make_interval(secs => g * 31.5)
       FROM generate_series(1, $3) AS g`,
    [organization.id, memberIds, AUDIT_ROWS],
  )
  await payload.db.pool.query('ANALYZE portal_audit')
  const insertSeconds = round((performance.now() - insertStarted) / 1000)

  // Cursors spread over the whole history: page 1 and page 40,000 must cost the same.
  const { rows: cursorRows } = await payload.db.pool.query<{ created_at: Date; id: number }>(
    `SELECT created_at, id FROM portal_audit WHERE organization_id = $1 ORDER BY random() LIMIT $2`,
    [organization.id, TIMELINE_SAMPLES],
  )
  const cursors = [null, ...cursorRows.map((row) => encodeActivityCursor({ createdAt: row.created_at.toISOString(), id: Number(row.id) }))]
  const bareSql = `SELECT * FROM portal_audit WHERE organization_id = $1 AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT ${PAGE + 1}`

  // Warm both paths once (plan cache, Payload's first-call setup), then measure.
  for (const cursor of cursors.slice(0, 20)) {
    await listOrganizationActivity(payload, admin, { organizationId: organization.id, cursor: cursor ? decodeActivityCursor(cursor) : null, limit: PAGE })
  }
  const portal: number[] = []
  const bare: number[] = []
  for (const cursor of cursors) {
    const decoded = cursor ? decodeActivityCursor(cursor) : null
    let started = performance.now()
    const page = await listOrganizationActivity(payload, admin, { organizationId: organization.id, cursor: decoded, limit: PAGE })
    portal.push(performance.now() - started)
    if (page.entries.length === 0 && decoded === null) throw new Error('The timeline returned nothing: the bench data is not visible to the admin.')
    started = performance.now()
    await payload.db.pool.query(bareSql, [organization.id, decoded ? decoded.createdAt : new Date(Date.now() + 60_000).toISOString(), decoded ? decoded.id : 2 ** 31 - 1])
    bare.push(performance.now() - started)
  }
  return { portal: percentiles(portal), bare: percentiles(bare), insertSeconds }
}

async function measureOutbox(payload: Payload) {
  const { commitPortalChange } = await import('../../src/audit/record-portal-change')
  const { startJobRunner, JOB_CLAIM_LIMIT } = await import('../../src/jobs/start-job-runner')
  const slack = await startHttpReceiver(SLACK_WEBHOOK)
  try {
    await payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: slack.url } })
    // Drain what the seed queued so only bench events are timed.
    const warmup = startJobRunner(payload, { idleMs: 50 })
    await waitFor(async () => (await pendingJobs(payload)) === 0)
    await warmup.stop()
    const already = slack.accepted.length

    // Committed a few at a time (not timed): each is a portal change with its audit row and event.
    await runBounded(Array.from({ length: OUTBOX_EVENTS }, (_, index) => index), async (index) => {
      await commitPortalChange(
        payload,
        { actor: { kind: 'system', label: `bench-${index}` }, organization: null, entity: { type: 'sessions', id: index }, action: 'account.session_revoked', event: { type: 'account.session_revoked' } },
        async () => ({}),
      )
    }, 8)
    const started = performance.now()
    // The runner's own claim size (JOB_CLAIM_LIMIT), as the web process and `npm run worker` run it.
    const runners = [startJobRunner(payload, { idleMs: 20 }), startJobRunner(payload, { idleMs: 20 })]
    await waitFor(() => slack.accepted.length - already >= OUTBOX_EVENTS)
    const seconds = (performance.now() - started) / 1000
    await Promise.all(runners.map((runner) => runner.stop()))
    const labels = slackPosts(slack).slice(already).map((post) => post.text)
    return { events: OUTBOX_EVENTS, seconds, duplicates: labels.length - new Set(labels).size, claimLimit: JOB_CLAIM_LIMIT }
  } finally {
    await slack.stop()
  }
}

const pendingJobs = async (payload: Payload) =>
  Number((await payload.db.pool.query(`SELECT count(*) FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE`)).rows[0].count)

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}


if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchAudit()) console.log(JSON.stringify(row))
  process.exit(0)
}
