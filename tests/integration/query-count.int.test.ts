import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { GET as usageGET } from '../../src/app/(portal)/api/account/usage/route'
import { GET as membersGET } from '../../src/app/(portal)/api/team/members/route'
import { ROLES } from '../../src/access/roles'
import { payloadSessionAdapter } from '../../src/auth/adapters/payload-adapter'
import { resolvePortalSession } from '../../src/auth/portal-session'
import { recordUsage } from '../../src/metering/record-usage'
import { routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { countStatements, installStatementCounter } from '../helpers/statement-counter'

/**
 * SQL statements per signed-in request, counted exactly (tests/helpers/statement-counter.ts), so a
 * change that adds a round trip to every request fails here rather than only in the bench.
 * Before issue 16: 13 for GET /api/team/members, 9 for session + organization + flags + two-factor.
 */
let payload: Payload
let call: ReturnType<typeof routeCaller>
let org: TestOrganization

const sessionHeaders = async (email: string) => new Headers({ Authorization: `JWT ${(await payload.login({ collection: 'users', data: { email, password: 'test-password-1' } })).token}` })

beforeAll(async () => {
  payload = await testPayload()
  installStatementCounter(payload)
  call = routeCaller(payload)
  org = await createOrganizationWithEveryRole(payload, 'query-count')
})

describe('SQL statements per signed-in request', () => {
  it('session + organization + flags + two-factor: one statement while the flags are unchanged, one more right after they change', async () => {
    const headers = await sessionHeaders(org.members.admin.email)
    await resolvePortalSession(payload, headers, payloadSessionAdapter)
    const warm = await countStatements(() => resolvePortalSession(payload, headers, payloadSessionAdapter))
    expect(warm.result?.organization).toMatchObject({ id: org.organization.id, role: 'admin' })
    expect(warm.statements).toHaveLength(1)

    await payload.updateGlobal({ slug: 'portal-flags', data: {}, overrideAccess: true })
    const changed = await countStatements(() => resolvePortalSession(payload, headers, payloadSessionAdapter))
    expect(changed.statements).toHaveLength(2)
    expect(changed.statements[1]).toContain('portal_flags')
    expect((await countStatements(() => resolvePortalSession(payload, headers, payloadSessionAdapter))).statements).toHaveLength(1)
  })

  it('requests that ask while a session statement is in flight share the next one, each answered as its own caller (a revoked one refused)', async () => {
    const headers = await Promise.all(ROLES.map((role) => sessionHeaders(org.members[role].email)))
    await Promise.all(headers.map((each) => resolvePortalSession(payload, each, payloadSessionAdapter)))
    await payload.db.pool.query('DELETE FROM users_sessions WHERE _parent_id = $1', [org.members.billing.id])
    const { result, statements } = await countStatements(() => Promise.all(headers.map((each) => resolvePortalSession(payload, each, payloadSessionAdapter))))
    // The first finds none in flight and sends its own; the four behind it go in one.
    expect(statements).toHaveLength(2)
    expect(result.map((session) => session && [session.user.id, session.organization?.role])).toEqual(
      ROLES.map((role) => (role === 'billing' ? null : [org.members[role].id, role])),
    )
  })

  it('GET /api/team/members: the session statement plus the listing, one statement', async () => {
    await call(membersGET, org.members.admin, '/api/team/members')
    const { result, statements } = await countStatements(() => call(membersGET, org.members.admin, '/api/team/members'))
    expect(result.status).toBe(200)
    expect(result.body.data.members).toHaveLength(5)
    console.log(`GET /api/team/members: ${statements.length} statements`)
    expect(statements).toHaveLength(2)
    expect(statements[1]).toContain('invitations')
  })

  it('GET /api/account/usage, repeated: the session statement (which carries the usage version), the rest from memory', async () => {
    const path = '/api/account/usage?metric=api_calls&tz=Europe%2FBerlin'
    // Signs the caller in (the token is fetched on first use) without keeping this zone's answers.
    await call(usageGET, org.members.viewer, '/api/account/usage?metric=api_calls&tz=Asia%2FTokyo')
    const cold = await countStatements(() => call(usageGET, org.members.viewer, path))
    expect(cold.result.status).toBe(200)
    expect(cold.statements.length).toBeGreaterThan(2)
    const warm = await countStatements(() => call(usageGET, org.members.viewer, path))
    expect(warm.result.body.data.last30).toEqual(cold.result.body.data.last30)
    console.log(`GET /api/account/usage: ${cold.statements.length} statements for a zone not read yet, then ${warm.statements.length}`)
    expect(warm.statements).toHaveLength(1)
    expect(warm.statements[0]).toContain('metering_versions')

    // The version rides in the session statement, so a batch recorded meanwhile is in the very next answer.
    const quantity = warm.result.body.data.period.quantity as number
    await recordUsage(payload, [{ organizationId: org.organization.id, metric: 'api_calls', quantity: 12, occurredAt: new Date().toISOString(), idempotencyKey: `query-count-${Date.now()}` }])
    expect((await call(usageGET, org.members.viewer, path)).body.data.period.quantity).toBe(quantity + 12)
  })
})

describe('Server-Timing on portal routes', () => {
  it('names each phase of an answered request, and of a refusal', async () => {
    const answered = await call(membersGET, org.members.admin, '/api/team/members')
    const phases = (header: string | null) => (header ?? '').split(', ').map((entry) => entry.split(';')[0])
    expect(phases(answered.headers.get('server-timing'))).toEqual(['session', 'organization', 'flags', 'handler', 'total'])
    expect(answered.headers.get('server-timing')).toMatch(/^session;dur=\d+(\.\d)?, /)

    const refused = await membersGET(new Request('http://localhost/api/team/members'))
    expect(refused.status).toBe(401)
    expect(phases(refused.headers.get('server-timing'))).toEqual(['session', 'total'])
  })
})
