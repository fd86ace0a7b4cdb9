import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { PUT as preferencesPUT } from '../../src/app/(portal)/api/portal/notifications/preferences/route'
import { routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, testPayload } from '../helpers/payload'

let payload: Payload
let call: ReturnType<typeof routeCaller>

beforeAll(async () => {
  payload = await testPayload()
  call = routeCaller(payload)
})

type Choice = { eventType: string; channel: string; enabled: boolean }

describe('concurrent first-time preference saves', () => {
  it('50 at once all answer 200, leave one row per (event, channel), and audit a before/after chain that follows the saves', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'prefs-race')
    const member = org.members.admin
    const keys = [
      { eventType: 'member.invited', channel: 'email' },
      { eventType: 'member.removed', channel: 'email' },
      { eventType: 'member.joined', channel: 'in_app' },
    ]
    // Save i sets every key to (i is odd): consecutive saves differ, so every save is a change.
    const saves = Array.from({ length: 50 }, (_, index) => keys.map((key) => ({ ...key, enabled: index % 2 === 1 })))
    const results = await Promise.all(saves.map((preferences) => call(preferencesPUT, member, '/api/portal/notifications/preferences', { method: 'PUT', body: { preferences } })))
    expect(results.map((result) => result.status)).toEqual(saves.map(() => 200))

    const { rows } = await payload.db.pool.query(
      `SELECT event_type, channel, count(*)::int AS n FROM notification_preferences WHERE user_id = $1 AND organization_id = $2 GROUP BY event_type, channel ORDER BY event_type, channel`,
      [member.id, org.organization.id],
    )
    expect(rows.map((row) => [row.event_type, row.channel, row.n])).toEqual([...keys].sort((a, b) => a.eventType.localeCompare(b.eventType)).map((key) => [key.eventType, key.channel, 1]))

    // In commit order, each audited `before` is exactly what the previous audited `after` left.
    const { docs: audits } = await payload.find({
      collection: 'portal-audit',
      where: { organization: { equals: org.organization.id }, action: { equals: 'notification_preferences.updated' } },
      sort: 'id',
      depth: 0,
      pagination: false,
    })
    expect(audits.length).toBeGreaterThan(1)
    const state = new Map<string, boolean | null>(keys.map((key) => [`${key.eventType}/${key.channel}`, null]))
    for (const audit of audits) {
      for (const choice of audit.before as Choice[]) expect(choice.enabled, `audit ${audit.id} before`).toBe(state.get(`${choice.eventType}/${choice.channel}`))
      for (const choice of audit.after as Choice[]) state.set(`${choice.eventType}/${choice.channel}`, choice.enabled)
    }
    // The rows hold what the last audited save left.
    const { rows: final } = await payload.db.pool.query(`SELECT event_type, channel, enabled FROM notification_preferences WHERE user_id = $1 AND organization_id = $2`, [member.id, org.organization.id])
    for (const row of final) expect(row.enabled).toBe(state.get(`${row.event_type}/${row.channel}`))
  })
})
