import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { ORGANIZATION_COOKIE, resolvePortalSession } from '../../src/auth/portal-session'
import { payloadSessionAdapter } from '../../src/auth/adapters/payload-adapter'
import { seedDemoWorkspace } from '../../scripts/demo/demo-workspace'
import { createOrganizationWithEveryRole, testPayload } from '../helpers/payload'

let payload: Payload

const loginHeaders = async (collection: 'users' | 'staff', email: string, password: string, extraCookie = '') => {
  const { token } = await payload.login({ collection, data: { email, password } })
  return new Headers({ authorization: `JWT ${token}`, cookie: extraCookie })
}

beforeAll(async () => {
  payload = await testPayload()
})

describe('payload session adapter + organization context', () => {
  it('resolves a customer with their organization and role', async () => {
    const session = await resolvePortalSession(payload, await loginHeaders('users', 'admin@demo.test', 'portico-demo'), payloadSessionAdapter)
    expect(session?.user.email).toBe('admin@demo.test')
    expect(session?.organization).toMatchObject({ name: 'Demo Co', role: 'admin' })
  })

  it('does not treat a staff token as a portal session', async () => {
    expect(await resolvePortalSession(payload, await loginHeaders('staff', 'staff@demo.test', 'portico-demo'), payloadSessionAdapter)).toBeNull()
  })

  it('honours the organization cookie only for organizations the user belongs to', async () => {
    const extra = await createOrganizationWithEveryRole(payload, 'switch')
    const demoAdmin = (await payload.find({ collection: 'users', where: { email: { equals: 'admin@demo.test' } } })).docs[0]
    await payload.create({ collection: 'memberships', data: { user: demoAdmin.id, organization: extra.organization.id, role: 'viewer' } })

    const switched = await resolvePortalSession(payload, await loginHeaders('users', 'admin@demo.test', 'portico-demo', `${ORGANIZATION_COOKIE}=${extra.organization.id}`), payloadSessionAdapter)
    expect(switched?.organizations.map((org) => org.name)).toEqual(['Demo Co', extra.organization.name])
    expect(switched?.organization).toMatchObject({ id: extra.organization.id, role: 'viewer' })

    const other = (await payload.find({ collection: 'organizations', where: { name: { equals: 'Other Inc' } } })).docs[0]
    const forged = await resolvePortalSession(payload, await loginHeaders('users', 'admin@demo.test', 'portico-demo', `${ORGANIZATION_COOKIE}=${other.id}`), payloadSessionAdapter)
    expect(forged?.organization?.name).toBe('Demo Co')
  })

  it('a revoked session (logged out in the database) is refused on the next request', async () => {
    const headers = await loginHeaders('users', 'member@demo.test', 'portico-demo')
    const { user } = await payload.auth({ headers })
    expect(user).toBeTruthy()
    await payload.update({ collection: 'users', id: user!.id, data: { sessions: [] }, overrideAccess: true })
    expect(await resolvePortalSession(payload, headers, payloadSessionAdapter)).toBeNull()
  })
})

describe('demo seed', () => {
  it('is idempotent: a second run creates nothing', async () => {
    const before = await payload.count({ collection: 'memberships' })
    expect(await seedDemoWorkspace(payload)).toEqual({ created: 0 })
    expect((await payload.count({ collection: 'memberships' })).totalDocs).toBe(before.totalDocs)
  })
})
