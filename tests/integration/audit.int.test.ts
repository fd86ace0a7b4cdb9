import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { commitPortalChange, recordPortalChange } from '../../src/audit/record-portal-change'
import { withTransaction } from '../../src/lib/with-transaction'
import type { Staff } from '../../src/payload-types'
import { asCustomer, createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'

let payload: Payload
let orgA: TestOrganization
let orgB: TestOrganization
let staff: Staff & { collection: 'staff' }

const auditRowsFor = async (entityType: string, entityId: number | string) =>
  (await payload.find({ collection: 'portal-audit', where: { entityType: { equals: entityType }, entityId: { equals: String(entityId) } }, pagination: false, sort: 'createdAt', depth: 0 })).docs

const eventsFor = async (auditIds: number[]) =>
  (await payload.find({ collection: 'portal-events', where: { audit: { in: auditIds } }, pagination: false })).docs

const jobCount = async (eventId: number) =>
  Number((await payload.db.pool.query(`SELECT count(*) FROM payload_jobs WHERE input->>'eventId' = $1`, [String(eventId)])).rows[0].count)

beforeAll(async () => {
  payload = await testPayload()
  orgA = await createOrganizationWithEveryRole(payload, 'audit-a')
  orgB = await createOrganizationWithEveryRole(payload, 'audit-b')
  const { docs } = await payload.find({ collection: 'staff', where: { email: { equals: 'staff@demo.test' } }, limit: 1 })
  staff = { ...docs[0], collection: 'staff' }
})

const changeBillingEmail = (email: string, options: { failAfter?: boolean; eventType?: string } = {}) =>
  commitPortalChange(
    payload,
    {
      actor: { kind: 'customer', user: asCustomer(orgA.members.admin), ip: '203.0.113.9', userAgent: 'vitest', requestId: `req-${email}` },
      organization: orgA.organization.id,
      entity: { type: 'organizations', id: orgA.organization.id },
      action: 'organization.billing_email_changed',
      before: { billingEmail: orgA.organization.billingEmail, apiToken: 'sk_live_secret' },
      event: { type: (options.eventType ?? 'organization.billing_email_changed') as 'organization.billing_email_changed', data: { changes: { billingEmail: [null, email] } } },
    },
    async (req) => {
      const after = await payload.update({ collection: 'organizations', id: orgA.organization.id, data: { billingEmail: email }, req })
      return { after: { ...after, nested: { password: 'hunter2' } } }
    },
  )

describe('recordPortalChange: one transaction', () => {
  it('commits the change, its audit row (secrets redacted), its outbox event and the dispatch job together', async () => {
    const recorded = await changeBillingEmail('finance@a.example')
    expect((await payload.findByID({ collection: 'organizations', id: orgA.organization.id })).billingEmail).toBe('finance@a.example')
    const audit = await payload.findByID({ collection: 'portal-audit', id: recorded.audit.id })
    expect(audit).toMatchObject({ action: 'organization.billing_email_changed', actorKind: 'customer', actorLabel: orgA.members.admin.email, ip: '203.0.113.9', userAgent: 'vitest' })
    expect((audit.before as Record<string, unknown>).apiToken).toBe('[redacted]')
    expect(((audit.after as Record<string, Record<string, unknown>>).nested).password).toBe('[redacted]')
    expect(recorded.event?.type).toBe('organization.billing_email_changed')
    expect(await jobCount(recorded.event!.id)).toBe(1)
    // The change went through recordPortalChange, so the organizations hook did not add a second row.
    expect((await auditRowsFor('organizations', orgA.organization.id)).filter((row) => row.requestId === 'req-finance@a.example')).toHaveLength(1)
    expect((await auditRowsFor('organizations', orgA.organization.id)).filter((row) => row.action === 'organization.billing_email_changed')).toHaveLength(1)
  })

  it('a failure after the change, inside the transaction, leaves none of change, audit row or outbox row', async () => {
    const auditBefore = (await payload.count({ collection: 'portal-audit' })).totalDocs
    const eventsBefore = (await payload.count({ collection: 'portal-events' })).totalDocs
    await expect(
      withTransaction(payload, async (req) => {
        await recordPortalChange(req, { actor: { kind: 'system', label: 'test' }, organization: orgA.organization.id, entity: { type: 'organizations', id: orgA.organization.id }, action: 'organization.billing_email_changed', event: { type: 'organization.billing_email_changed' } }, async (inner) => ({
          after: await payload.update({ collection: 'organizations', id: orgA.organization.id, data: { billingEmail: 'rolled-back@a.example' }, req: inner }),
        }))
        throw new Error('crash after the write')
      }),
    ).rejects.toThrow('crash after the write')
    expect((await payload.findByID({ collection: 'organizations', id: orgA.organization.id })).billingEmail).toBe('finance@a.example')
    expect((await payload.count({ collection: 'portal-audit' })).totalDocs).toBe(auditBefore)
    expect((await payload.count({ collection: 'portal-events' })).totalDocs).toBe(eventsBefore)
  })

  it('an outbox insert that fails rolls back the change and the audit row', async () => {
    const auditBefore = (await payload.count({ collection: 'portal-audit' })).totalDocs
    await expect(changeBillingEmail('never@a.example', { eventType: 'not.an_event' })).rejects.toThrow()
    expect((await payload.findByID({ collection: 'organizations', id: orgA.organization.id })).billingEmail).toBe('finance@a.example')
    expect((await payload.count({ collection: 'portal-audit' })).totalDocs).toBe(auditBefore)
  })
})

describe('writes through Payload itself are audited by hooks', () => {
  it('staff changing a role in /admin (Local API as staff) writes an audit row and a member.role_changed event', async () => {
    const { docs } = await payload.find({ collection: 'memberships', where: { user: { equals: orgA.members.viewer.id } }, limit: 1 })
    await payload.update({ collection: 'memberships', id: docs[0].id, data: { role: 'member' }, user: staff, overrideAccess: false })
    const rows = (await auditRowsFor('memberships', docs[0].id)).filter((row) => row.action === 'member.role_changed')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ actorKind: 'staff', organization: orgA.organization.id })
    expect(rows[0].actorStaff).toBe(staff.id)
    const [event] = await eventsFor([rows[0].id])
    expect(event).toMatchObject({ type: 'member.role_changed', data: { subjectUserId: orgA.members.viewer.id, changes: { role: ['viewer', 'member'] } } })
    await payload.update({ collection: 'memberships', id: docs[0].id, data: { role: 'viewer' } })
  })

  it('a customer update through REST is audited as the customer, without the password', async () => {
    const http = await payloadHttp(payload)
    const token = await http.login('users', orgA.members.member.email, 'test-password-1')
    // No `password` in the body: customers change it only through /account, which asks for the
    // current one (the Users guardCredentials hook refuses it here, see account-two-factor.int.test.ts).
    const response = await http.rest('PATCH', `users/${orgA.members.member.id}`, token, { name: 'Renamed Member' })
    expect(response.status).toBe(200)
    const [row] = (await auditRowsFor('users', orgA.members.member.id)).filter((entry) => entry.action === 'users.updated')
    expect(row).toMatchObject({ actorKind: 'customer', actorLabel: orgA.members.member.email })
    expect(JSON.stringify(row.after)).not.toMatch(/hash|salt/i)
    expect((row.after as Record<string, unknown>).name).toBe('Renamed Member')
  })

  it('signing in is not a change: no audit row for the session bookkeeping', async () => {
    const before = (await auditRowsFor('users', orgA.members.billing.id)).length
    await payload.login({ collection: 'users', data: { email: orgA.members.billing.email, password: 'test-password-1' } })
    expect(await auditRowsFor('users', orgA.members.billing.id)).toHaveLength(before)
  })
})

describe('the audit trail is append-only', () => {
  let rowId: number
  beforeAll(async () => {
    rowId = (await changeBillingEmail('append-only@a.example')).audit.id
  })
  const unchanged = async () => expect((await payload.findByID({ collection: 'portal-audit', id: rowId })).action).toBe('organization.billing_email_changed')

  it('Local API with access: neither the org owner nor staff can update or delete a row', async () => {
    for (const user of [asCustomer(orgA.members.owner), staff]) {
      await expect(payload.update({ collection: 'portal-audit', id: rowId, data: { action: 'forged' }, user, overrideAccess: false })).rejects.toThrow()
      await expect(payload.delete({ collection: 'portal-audit', id: rowId, user, overrideAccess: false })).rejects.toThrow()
    }
    await unchanged()
  })

  it('Local API without access control: the collection hooks refuse', async () => {
    await expect(payload.update({ collection: 'portal-audit', id: rowId, data: { action: 'forged' } })).rejects.toThrow(/append-only/)
    await expect(payload.delete({ collection: 'portal-audit', id: rowId })).rejects.toThrow(/append-only/)
    await unchanged()
  })

  it('REST (what the admin UI calls), as staff and as the owner: 403 on PATCH and DELETE, no create', async () => {
    const http = await payloadHttp(payload)
    const tokens = [await http.login('staff', 'staff@demo.test', 'portico-demo'), await http.login('users', orgA.members.owner.email, 'test-password-1')]
    for (const token of tokens) {
      expect((await http.rest('PATCH', `portal-audit/${rowId}`, token, { action: 'forged' })).status).toBe(403)
      expect((await http.rest('DELETE', `portal-audit/${rowId}`, token)).status).toBe(403)
      expect((await http.rest('POST', 'portal-audit', token, { action: 'forged', actorKind: 'system', entityType: 'x' })).status).toBe(403)
    }
    await unchanged()
  })

  it('GraphQL, as staff: update and delete mutations are refused', async () => {
    const http = await payloadHttp(payload)
    const token = await http.login('staff', 'staff@demo.test', 'portico-demo')
    const update = await http.graphql(`mutation { updatePortalAudit(id: ${rowId}, data: { action: "forged" }) { id } }`, token)
    const remove = await http.graphql(`mutation { deletePortalAudit(id: ${rowId}) { id } }`, token)
    for (const result of [update, remove]) expect(result.errors?.length ?? 0).toBeGreaterThan(0)
    await unchanged()
  })

  it('the admin UI offers no edit or delete: the collection’s access answers false for staff', async () => {
    const req = { user: staff, payload, context: {} } as never
    const access = payload.collections['portal-audit'].config.access
    expect(await access.update({ req })).toBe(false)
    expect(await access.delete({ req })).toBe(false)
    expect(await access.create({ req })).toBe(false)
    expect(await access.read({ req })).toBe(true)
  })

  it('raw SQL: the database trigger refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(payload.db.pool.query(`UPDATE portal_audit SET action = 'forged' WHERE id = $1`, [rowId])).rejects.toThrow(/append-only/)
    await expect(payload.db.pool.query(`DELETE FROM portal_audit WHERE id = $1`, [rowId])).rejects.toThrow(/append-only/)
    await expect(payload.db.pool.query(`TRUNCATE portal_audit CASCADE`)).rejects.toThrow(/append-only/)
    await unchanged()
  })
})

describe('cross-tenant: who reads which activity', () => {
  it('an admin of org A reads org A’s trail and never org B’s; a member reads none', async () => {
    await commitPortalChange(payload, { actor: { kind: 'system', label: 'test' }, organization: orgB.organization.id, entity: { type: 'organizations', id: orgB.organization.id }, action: 'organization.updated' }, async () => ({}))
    const asAdmin = await payload.find({ collection: 'portal-audit', user: asCustomer(orgA.members.admin), overrideAccess: false, pagination: false, depth: 0 })
    expect(asAdmin.docs.length).toBeGreaterThan(0)
    expect(new Set(asAdmin.docs.map((row) => row.organization))).toEqual(new Set([orgA.organization.id]))
    const foreign = await payload.find({ collection: 'portal-audit', where: { organization: { equals: orgB.organization.id } }, user: asCustomer(orgA.members.admin), overrideAccess: false })
    expect(foreign.totalDocs).toBe(0)
    await expect(payload.find({ collection: 'portal-audit', user: asCustomer(orgA.members.member), overrideAccess: false })).rejects.toThrow('not allowed')
  })
})
