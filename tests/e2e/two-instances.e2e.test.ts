import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { freePort } from '../../scripts/lib/free-port'
import { type NextServer, startNextServer } from '../../scripts/lib/portal-server'
import { baseUrl } from '../helpers/browser'
import { customerToken, portalCall as portal } from '../helpers/portal-http'
import { createE2eTeam, staffApi, staffToken } from '../helpers/staff-api'

/**
 * Two web instances of the same build on one database, as docs/deploy.md runs them: a change made
 * through one is in force on the other's very next request — nothing is cached per process.
 */
let second: NextServer

beforeAll(async () => {
  // Jobs stay with the first instance: this one is web only, like a scaled-out web tier.
  second = await startNextServer({ port: await freePort(), distDir: '.next-e2e', env: { DATABASE_URL: inject('databaseUrl'), PORTICO_JOBS: 'worker' } })
})

afterAll(async () => {
  await second?.stop()
})

describe('two web instances on one database', () => {
  it('a session revoked on one is refused by the other on the next request', async () => {
    const { members } = await createE2eTeam('two-sessions')
    const [owner] = members
    const laptop = await customerToken(second.url, owner!.email, owner!.password)
    const phone = await customerToken(baseUrl(), owner!.email, owner!.password)
    expect((await portal(second.url, '/api/portal/account/sessions', laptop)).status).toBe(200)

    expect((await portal(baseUrl(), '/api/portal/account/sessions', phone, { method: 'POST', body: { others: true } })).status).toBe(200)
    expect((await portal(second.url, '/api/portal/account/sessions', laptop)).status).toBe(401)
    expect((await portal(second.url, '/api/portal/account/sessions', phone)).status).toBe(200)
  })

  it('a role changed on one is in force on the other on the next request', async () => {
    const { members } = await createE2eTeam('two-roles', ['owner', 'admin'])
    const [owner, admin] = members
    const ownerToken = await customerToken(baseUrl(), owner!.email, owner!.password)
    const adminToken = await customerToken(second.url, admin!.email, admin!.password)
    expect((await portal(second.url, '/api/portal/activity', adminToken)).status).toBe(200)

    const team = await portal(baseUrl(), '/api/team/members', ownerToken)
    const adminMembership = (team.body?.data?.members as Array<{ id: number; email: string }>).find((member) => member.email === admin!.email)!
    expect((await portal(baseUrl(), '/api/team/members', ownerToken, { method: 'PATCH', body: { memberId: adminMembership.id, newRole: 'member' } })).status).toBe(200)
    expect((await portal(second.url, '/api/portal/activity', adminToken)).status).toBe(403)
  })

  it('a screen switched off by staff on one is gone on the other on the next request', async () => {
    const { members } = await createE2eTeam('two-flags')
    const ownerToken = await customerToken(second.url, members[0]!.email, members[0]!.password)
    expect((await portal(second.url, '/api/portal/activity', ownerToken)).status).toBe(200)

    const token = await staffToken()
    const before = await staffApi<Record<string, unknown>>('/api/globals/portal-flags?depth=0', { token })
    try {
      await staffApi('/api/globals/portal-flags', { method: 'POST', token, body: JSON.stringify({ activity: { mode: 'off' } }) })
      expect((await portal(second.url, '/api/portal/activity', ownerToken)).status).toBe(404)
    } finally {
      await staffApi('/api/globals/portal-flags', { method: 'POST', token, body: JSON.stringify({ activity: before.activity ?? { mode: 'all' } }) })
    }
    expect((await portal(second.url, '/api/portal/activity', ownerToken)).status).toBe(200)
  })
})
