import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { asCustomer, createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'

let payload: Payload
let http: Awaited<ReturnType<typeof payloadHttp>>
let orgA: TestOrganization
let orgB: TestOrganization

beforeAll(async () => {
  payload = await testPayload()
  http = await payloadHttp(payload)
  orgA = await createOrganizationWithEveryRole(payload, 'locks-a')
  orgB = await createOrganizationWithEveryRole(payload, 'locks-b')
})

const staffUser = async () => (await payload.find({ collection: 'staff', limit: 1, depth: 0 })).docs[0]!

describe('Payload’s internal collections are staff-only', () => {
  it('a customer can neither create, read nor delete document locks — not even on their own organization', async () => {
    const staff = await staffUser()
    const token = await http.login('users', orgA.members.owner.email, 'test-password-1')
    for (const [target, holder] of [
      [orgB.organization.id, { relationTo: 'staff', value: staff.id }],
      [orgA.organization.id, { relationTo: 'users', value: orgA.members.owner.id }],
    ] as const) {
      const response = await http.rest('POST', 'payload-locked-documents', token, { document: { relationTo: 'organizations', value: target }, globalSlug: null, user: holder })
      expect(response.status).toBe(403)
    }
    const graphql = await http.graphql('mutation { createPayloadLockedDocument(data: { globalSlug: "portal-flags" }) { id } }', token)
    expect(graphql.errors?.length ?? 0).toBeGreaterThan(0)
    expect(await payload.count({ collection: 'payload-locked-documents' })).toMatchObject({ totalDocs: 0 })

    // A lock staff hold is invisible and undeletable to customers.
    const lock = await payload.create({ collection: 'payload-locked-documents', data: { document: { relationTo: 'organizations', value: orgA.organization.id }, user: { relationTo: 'staff', value: staff.id } } })
    await expect(payload.find({ collection: 'payload-locked-documents', user: asCustomer(orgA.members.owner), overrideAccess: false })).rejects.toThrow()
    expect((await http.rest('DELETE', `payload-locked-documents/${lock.id}`, token)).status).toBe(403)
    expect((await payload.findByID({ collection: 'payload-locked-documents', id: lock.id })).id).toBe(lock.id)
    await payload.delete({ collection: 'payload-locked-documents', id: lock.id })
  })

  it('staff keep document locking in the admin', async () => {
    const staff = await staffUser()
    const lock = await payload.create({
      collection: 'payload-locked-documents',
      data: { document: { relationTo: 'organizations', value: orgB.organization.id }, user: { relationTo: 'staff', value: staff.id } },
      user: { ...staff, collection: 'staff' },
      overrideAccess: false,
    })
    expect(lock.id).toBeTruthy()
    await payload.delete({ collection: 'payload-locked-documents', id: lock.id, user: { ...staff, collection: 'staff' }, overrideAccess: false })
  })

  it('a customer cannot read Payload’s migrations or jobs', async () => {
    for (const collection of ['payload-migrations', 'payload-jobs'] as const) {
      await expect(payload.find({ collection, user: asCustomer(orgA.members.admin), overrideAccess: false })).rejects.toThrow()
    }
  })
})
