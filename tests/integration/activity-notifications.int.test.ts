import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { GET as activityGET } from '../../src/app/(portal)/api/portal/activity/route'
import { GET as notificationsGET } from '../../src/app/(portal)/api/portal/notifications/route'
import { PUT as preferencesPUT } from '../../src/app/(portal)/api/portal/notifications/preferences/route'
import { POST as readPOST } from '../../src/app/(portal)/api/portal/notifications/read/route'
import { commitPortalChange } from '../../src/audit/record-portal-change'
import { ORGANIZATION_COOKIE } from '../../src/auth/portal-session'
import type { User } from '../../src/payload-types'
import { asCustomer, createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { runJobsNow } from '../helpers/jobs'

let payload: Payload
let orgA: TestOrganization
let orgB: TestOrganization
const tokens = new Map<number, string>()

/** A portal request as `user`, optionally preferring `organizationId` through the switcher cookie. */
async function call(handler: (request: Request) => Promise<Response>, user: User, path: string, init: { method?: string; body?: unknown; organizationId?: number } = {}) {
  if (!tokens.has(user.id)) tokens.set(user.id, (await payload.login({ collection: 'users', data: { email: user.email, password: 'test-password-1' } })).token!)
  const headers = new Headers({ Authorization: `JWT ${tokens.get(user.id)}`, 'Content-Type': 'application/json', 'User-Agent': 'vitest' })
  if (init.organizationId) headers.set('Cookie', `${ORGANIZATION_COOKIE}=${init.organizationId}`)
  const response = await handler(new Request(`http://localhost${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) }))
  return { status: response.status, body: await response.json() }
}

const touch = (org: TestOrganization, actor: User, index: number, type: 'api_key.created' | 'api_key.revoked' = 'api_key.created') =>
  commitPortalChange(
    payload,
    { actor: { kind: 'customer', user: asCustomer(actor) }, organization: org.organization.id, entity: { type: 'api-keys', id: index }, action: type, event: { type } },
    async () => ({ after: { name: `key ${index}` } }),
  )

beforeAll(async () => {
  payload = await testPayload()
  orgA = await createOrganizationWithEveryRole(payload, 'act-a')
  orgB = await createOrganizationWithEveryRole(payload, 'act-b')
  // The owner of B also belongs to A as a member: one person, two tenants.
  await payload.create({ collection: 'memberships', data: { user: orgB.members.owner.id, organization: orgA.organization.id, role: 'member' } })
  for (let index = 0; index < 23; index++) await touch(orgA, index % 2 ? orgA.members.admin : orgA.members.owner, index, index % 3 ? 'api_key.created' : 'api_key.revoked')
  for (let index = 0; index < 5; index++) await touch(orgB, orgB.members.owner, index)
  await runJobsNow(payload)
})

describe('GET /api/portal/activity', () => {
  it('pages through the whole timeline with the cursor: newest first, no gaps, no repeats', async () => {
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const { status, body } = await call(activityGET, orgA.members.admin, `/api/portal/activity?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
      expect(status).toBe(200)
      seen.push(...body.data.entries.map((entry: { id: number }) => entry.id))
      cursor = body.data.nextCursor
    } while (cursor)
    const all = await payload.find({ collection: 'portal-audit', where: { organization: { equals: orgA.organization.id } }, sort: ['-createdAt', '-id'], pagination: false, depth: 0 })
    expect(seen).toEqual(all.docs.map((doc) => doc.id))
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('filters by member and by type', async () => {
    const byAdmin = await call(activityGET, orgA.members.owner, `/api/portal/activity?member=${orgA.members.admin.id}&limit=100`)
    expect(byAdmin.body.data.entries).toHaveLength(11)
    expect(byAdmin.body.data.entries.every((entry: { actorUser: number }) => entry.actorUser === orgA.members.admin.id)).toBe(true)
    const revoked = await call(activityGET, orgA.members.owner, `/api/portal/activity?type=api_key.revoked&limit=100`)
    expect(revoked.body.data.entries).toHaveLength(8)
  })

  it('rejects a forged cursor with a field message', async () => {
    const { status, body } = await call(activityGET, orgA.members.admin, '/api/portal/activity?cursor=bm90LWEtY3Vyc29y')
    expect(status).toBe(422)
    expect(body.error.fields.cursor).toBeTruthy()
  })

  it('is for owners and admins only', async () => {
    for (const role of ['billing', 'member', 'viewer'] as const) expect((await call(activityGET, orgA.members[role], '/api/portal/activity')).status).toBe(403)
  })

  it('cross-tenant: an admin of A never sees B’s activity, whatever cookie or filter they send', async () => {
    const { body } = await call(activityGET, orgA.members.admin, `/api/portal/activity?limit=100`, { organizationId: orgB.organization.id })
    expect(body.data.entries.length).toBeGreaterThan(0)
    expect(body.data.entries.every((entry: { organization: number }) => entry.organization === orgA.organization.id)).toBe(true)
    // B's owner, acting in A (where they are a member), gets nothing; in B they get B's only.
    expect((await call(activityGET, orgB.members.owner, '/api/portal/activity', { organizationId: orgA.organization.id })).status).toBe(403)
    const inB = await call(activityGET, orgB.members.owner, '/api/portal/activity?limit=100', { organizationId: orgB.organization.id })
    expect(inB.body.data.entries.every((entry: { organization: number }) => entry.organization === orgB.organization.id)).toBe(true)
  })
})

describe('notifications routes', () => {
  it('the bell lists my notifications in the current organization only, with the unread count', async () => {
    const { status, body } = await call(notificationsGET, orgA.members.admin, '/api/portal/notifications')
    expect(status).toBe(200)
    // The admin acted on 11 of the 23 changes; they are notified about the owner's 12.
    expect(body.data.unread).toBe(12)
    expect(body.data.notifications.every((notification: { user: number; organization: number }) => notification.user === orgA.members.admin.id && notification.organization === orgA.organization.id)).toBe(true)
    const bOwnerInA = await call(notificationsGET, orgB.members.owner, '/api/portal/notifications', { organizationId: orgA.organization.id })
    expect(bOwnerInA.body.data.notifications).toHaveLength(0)
  })

  it('mark read touches only my own notifications; mark all read clears my count', async () => {
    const ownersNotification = (await payload.find({ collection: 'notifications', where: { user: { equals: orgA.members.owner.id } }, limit: 1, depth: 0 })).docs[0]
    const forged = await call(readPOST, orgA.members.admin, '/api/portal/notifications/read', { method: 'POST', body: { ids: [ownersNotification.id] } })
    expect(forged.body.data.marked).toBe(0)
    expect((await payload.findByID({ collection: 'notifications', id: ownersNotification.id })).readAt).toBeFalsy()

    const mine = (await call(notificationsGET, orgA.members.admin, '/api/portal/notifications')).body.data.notifications
    expect((await call(readPOST, orgA.members.admin, '/api/portal/notifications/read', { method: 'POST', body: { ids: [mine[0].id] } })).body.data.marked).toBe(1)
    expect((await call(notificationsGET, orgA.members.admin, '/api/portal/notifications')).body.data.unread).toBe(11)
    expect((await call(readPOST, orgA.members.admin, '/api/portal/notifications/read', { method: 'POST', body: { all: true } })).body.data.marked).toBe(11)
    expect((await call(notificationsGET, orgA.members.admin, '/api/portal/notifications')).body.data.unread).toBe(0)
    expect((await call(notificationsGET, orgA.members.owner, '/api/portal/notifications')).body.data.unread).toBeGreaterThan(0)
  })

  it('bad input: 422 with field messages, nothing written', async () => {
    const before = (await payload.count({ collection: 'notification-preferences' })).totalDocs
    const invalid = await call(preferencesPUT, orgA.members.member, '/api/portal/notifications/preferences', { method: 'PUT', body: { preferences: [{ eventType: 'member.exploded', channel: 'pigeon', enabled: 'yes' }] } })
    expect(invalid.status).toBe(422)
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(['preferences.0.channel', 'preferences.0.enabled', 'preferences.0.eventType'])
    const notOffered = await call(preferencesPUT, orgA.members.viewer, '/api/portal/notifications/preferences', { method: 'PUT', body: { preferences: [{ eventType: 'api_key.created', channel: 'email', enabled: true }] } })
    expect(notOffered.status).toBe(422)
    expect(notOffered.body.error.fields['preferences.0.eventType']).toBeTruthy()
    expect((await call(readPOST, orgA.members.admin, '/api/portal/notifications/read', { method: 'POST', body: { ids: [] } })).status).toBe(422)
    expect((await payload.count({ collection: 'notification-preferences' })).totalDocs).toBe(before)
  })

  it('saving preferences stores them for me in the current organization', async () => {
    const { status, body } = await call(preferencesPUT, orgA.members.admin, '/api/portal/notifications/preferences', {
      method: 'PUT',
      body: { preferences: [{ eventType: 'api_key.created', channel: 'email', enabled: false }, { eventType: 'api_key.created', channel: 'in_app', enabled: true }] },
    })
    expect(status).toBe(200)
    expect(body.data.changed).toBe(2)
    const rows = await payload.find({ collection: 'notification-preferences', where: { user: { equals: orgA.members.admin.id } }, depth: 0 })
    expect(rows.docs.map((row) => [row.organization, row.eventType, row.channel, row.enabled]).sort()).toEqual([
      [orgA.organization.id, 'api_key.created', 'email', false],
      [orgA.organization.id, 'api_key.created', 'in_app', true],
    ])
  })
})
