import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { createOrganizationWithEveryRole, testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'

let payload: Payload
let http: Awaited<ReturnType<typeof payloadHttp>>
let staffToken: string

beforeAll(async () => {
  payload = await testPayload()
  http = await payloadHttp(payload)
  staffToken = await http.login('staff', 'staff@demo.test', 'portico-demo')
})

/** What a member accumulates: a notification, a preference, a session record. */
async function giveHistory(userId: number, organizationId: number) {
  await payload.create({ collection: 'notifications', data: { key: randomUUID(), user: userId, organization: organizationId, type: 'member.invited', title: 'Someone was invited' } })
  await payload.create({ collection: 'notification-preferences', data: { user: userId, organization: organizationId, eventType: 'member.invited', channel: 'email', enabled: false } })
}

const countWhere = async (collection: 'memberships' | 'notifications' | 'notification-preferences', field: string, id: number) =>
  (await payload.count({ collection, where: { [field]: { equals: id } } })).totalDocs

describe('staff delete customers and organizations from /admin', () => {
  it('deleting a user answers 200 and takes their memberships, notifications and preferences with them; the audit trail stays', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'delete-user')
    const user = org.members.member
    await giveHistory(user.id, org.organization.id)
    const response = await http.rest('DELETE', `users/${user.id}`, staffToken)
    expect(response.status).toBe(200)
    for (const collection of ['memberships', 'notifications', 'notification-preferences'] as const) expect(await countWhere(collection, 'user', user.id)).toBe(0)
    const { totalDocs } = await payload.count({ collection: 'portal-audit', where: { and: [{ entityType: { equals: 'users' } }, { entityId: { equals: String(user.id) } }, { action: { equals: 'users.deleted' } }] } })
    expect(totalDocs).toBe(1)
  })

  it('deleting an organization answers 200 and takes its memberships, invitations, notifications and preferences', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'delete-org')
    await giveHistory(org.members.admin.id, org.organization.id)
    const response = await http.rest('DELETE', `organizations/${org.organization.id}`, staffToken)
    expect(response.status).toBe(200)
    for (const collection of ['memberships', 'notifications', 'notification-preferences'] as const) expect(await countWhere(collection, 'organization', org.organization.id)).toBe(0)
    // The people stay: they may belong to other organizations.
    expect((await payload.findByID({ collection: 'users', id: org.members.admin.id })).id).toBe(org.members.admin.id)
  })
})
