import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { GET as alertsGET, PUT as alertsPUT } from '../../src/app/(portal)/api/account/usage/alerts/route'
import { recordUsage } from '../../src/metering/record-usage'
import { saveUsageAlerts } from '../../src/metering/save-usage-alerts'
import { UsageAlertsInput } from '../../src/metering/usage-alerts-input'
import { runJobsNow } from '../helpers/jobs'
import { routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'

/**
 * Budget alerts: who may set them, what a bad form is told, and the guarantee — a threshold fires
 * `usage.threshold_crossed` once per period, however many concurrent batches push usage past it
 * and however many events follow. A fixed clock in a past month: the domain takes `now`.
 */
const NOW = new Date('2026-03-20T12:00:00Z')
let payload: Payload
let call: ReturnType<typeof routeCaller>

beforeAll(async () => {
  payload = await testPayload()
  call = routeCaller(payload)
})

const ownerActor = (org: TestOrganization) => ({ kind: 'customer' as const, user: { id: org.members.owner.id, email: org.members.owner.email } })
const save = (org: TestOrganization, input: Record<string, unknown>) => saveUsageAlerts(payload, { organizationId: org.organization.id, actor: ownerActor(org), input: UsageAlertsInput.parse({ metric: 'api_calls', ...input }), now: NOW })
const calls = (org: TestOrganization, prefix: string, count: number, quantity: number, at = '2026-03-10T09:00:00Z') =>
  Array.from({ length: count }, (_, i) => ({ organizationId: org.organization.id, metric: 'api_calls', quantity, occurredAt: at, idempotencyKey: `${prefix}-${i}` }))

async function crossingEvents(org: TestOrganization) {
  const { rows } = await payload.db.pool.query<{ data: { threshold: string; periodStart: string; quantity: number } }>(
    `SELECT data FROM portal_events WHERE organization_id = $1 AND type = 'usage.threshold_crossed' ORDER BY id`,
    [org.organization.id],
  )
  return rows.map((row) => row.data)
}

describe('budget alert settings', () => {
  it('owners and admins set them; billing, members and viewers read them only', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'alerts-roles')
    const body = { metric: 'api_calls', monthlyBudget: '250', percentThresholds: [80, 50], quantityThresholds: [] }
    for (const role of ['billing', 'member', 'viewer'] as const) {
      expect((await call(alertsPUT, org.members[role], '/api/account/usage/alerts', { method: 'PUT', body })).status).toBe(403)
    }
    const saved = await call(alertsPUT, org.members.admin, '/api/account/usage/alerts', { method: 'PUT', body })
    expect(saved.status).toBe(200)
    expect(saved.body.data).toMatchObject({ metric: 'api_calls', monthlyBudget: 25_000, percentThresholds: [50, 80], quantityThresholds: [], crossed: [] })
    const read = await call(alertsGET, org.members.viewer, '/api/account/usage/alerts?metric=api_calls')
    expect(read.body.data).toMatchObject({ monthlyBudget: 25_000, percentThresholds: [50, 80] })
    const { rows } = await payload.db.pool.query(`SELECT count(*)::int AS n FROM portal_audit WHERE organization_id = $1 AND action = 'usage.alerts_updated'`, [org.organization.id])
    expect(rows[0].n).toBe(1)
  })

  it('refuses a bad form with a message per field and writes nothing', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'alerts-bad')
    const put = (body: unknown) => call(alertsPUT, org.members.owner, '/api/account/usage/alerts', { method: 'PUT', body })
    const bad = await put({ metric: 'api_calls', monthlyBudget: '12.345', percentThresholds: [0, 80], quantityThresholds: [-5, 10, 10] })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.error!.fields!).sort()).toEqual(['monthlyBudget', 'percentThresholds.0', 'quantityThresholds', 'quantityThresholds.0'])
    const noBudget = await put({ metric: 'api_calls', monthlyBudget: null, percentThresholds: [80], quantityThresholds: [] })
    expect(noBudget.status).toBe(422)
    expect(noBudget.body.error!.fields).toEqual({ monthlyBudget: expect.stringContaining('budget') })
    expect((await put({ metric: 'nope', monthlyBudget: null, percentThresholds: [], quantityThresholds: [] })).body.error!.fields).toHaveProperty('metric')
    const { rows } = await payload.db.pool.query(
      `SELECT (SELECT count(*) FROM usage_alert_settings WHERE organization_id = $1)::int + (SELECT count(*) FROM portal_audit WHERE organization_id = $1 AND action LIKE 'usage.%')::int AS n`,
      [org.organization.id],
    )
    expect(rows[0].n).toBe(0)
  })
})

describe('usage.threshold_crossed', () => {
  it('fires once per threshold when 20 concurrent batches cross it together, and not for the events after', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'alerts-race')
    // api_calls: 10,000 included, then $0.002 a call. A $10 budget: 50% ($5) at 12,500 calls, 100% at 15,000.
    await save(org, { monthlyBudget: '10', percentThresholds: [50, 100], quantityThresholds: [14_000] })
    expect(await crossingEvents(org)).toEqual([])
    // 20 batches × 100 events × 10 calls = 20,000 calls at once: each batch alone crosses nothing. Each
    // on its own day, so no rollup row (hourly, or the daily breakdown) serialises them: only the check's lock does.
    const hour = (batch: number) => `2026-03-${String(batch + 1).padStart(2, '0')}T09:30:00Z`
    const results = await Promise.all(Array.from({ length: 20 }, (_, batch) => recordUsage(payload, calls(org, `race-${batch}`, 100, 10, hour(batch)), { now: NOW })))
    expect(results.reduce((sum, result) => sum + result.accepted, 0)).toBe(2_000)
    const fired = await crossingEvents(org)
    expect(fired.map((event) => event.threshold).sort()).toEqual(['percent:100:1000', 'percent:50:1000', 'quantity:14000'])
    expect(new Set(fired.map((event) => event.periodStart))).toEqual(new Set(['2026-03-01T00:00:00.000Z']))

    await recordUsage(payload, calls(org, 'after', 50, 100), { now: NOW })
    await recordUsage(payload, calls(org, 'after', 50, 100), { now: NOW }) // a resend: duplicates
    expect(await crossingEvents(org)).toHaveLength(3)

    // Delivered through the existing channels: an in-app notification for each billing person, none for a member.
    await runJobsNow(payload)
    const { docs } = await payload.find({ collection: 'notifications', where: { organization: { equals: org.organization.id }, type: { equals: 'usage.threshold_crossed' } }, limit: 100, depth: 0, overrideAccess: true })
    const recipients = docs.map((doc) => doc.user as number)
    for (const role of ['owner', 'admin', 'billing'] as const) expect(recipients.filter((id) => id === org.members[role].id)).toHaveLength(3)
    expect(recipients).not.toContain(org.members.member.id)
    expect(recipients).not.toContain(org.members.viewer.id)
  })

  it('fires again in the next period, and a new budget re-arms its percentages', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'alerts-periods')
    await save(org, { monthlyBudget: null, percentThresholds: [], quantityThresholds: [500] })
    await recordUsage(payload, calls(org, 'feb', 1, 600, '2026-02-10T00:00:00Z'), { now: NOW }) // a late event: February's alert
    await recordUsage(payload, calls(org, 'mar', 1, 600), { now: NOW })
    expect((await crossingEvents(org)).map((event) => `${event.periodStart.slice(0, 7)} ${event.threshold}`)).toEqual(['2026-02 quantity:500', '2026-03 quantity:500'])
    // Saving thresholds the period has already passed alerts at once, and re-saving doesn't repeat it.
    await recordUsage(payload, calls(org, 'mar-more', 1, 12_000), { now: NOW })
    await save(org, { monthlyBudget: '20', percentThresholds: [10], quantityThresholds: [500] })
    await save(org, { monthlyBudget: '20', percentThresholds: [10], quantityThresholds: [500] })
    await save(org, { monthlyBudget: '25', percentThresholds: [10], quantityThresholds: [500] })
    expect((await crossingEvents(org)).map((event) => event.threshold)).toEqual(['quantity:500', 'quantity:500', 'percent:10:2000', 'percent:10:2500'])
  })

  it('a refused batch alerts nobody', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'alerts-refused')
    await save(org, { monthlyBudget: null, percentThresholds: [], quantityThresholds: [1] })
    await expect(recordUsage(payload, [...calls(org, 'ok', 1, 5), { ...calls(org, 'bad', 1, -1)[0] }], { now: NOW })).rejects.toMatchObject({ status: 422 })
    expect(await crossingEvents(org)).toEqual([])
  })
})
