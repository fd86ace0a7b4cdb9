import { SignJWT } from 'jose'
import { executeAuthStrategies, JWT_AUTH_VERSION, type Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { currentSessionId } from '../../src/account/sessions/current-session-id'
import { payloadSessionAdapter } from '../../src/auth/adapters/payload-adapter'
import { type PortalUser, resolvePortalSession } from '../../src/auth/portal-session'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'

/**
 * The portal reads the session, user and memberships in one statement instead of running Payload's
 * JWT strategy. These cases hold it to the same answers: the same user document (field for field),
 * the same refusals, and the same CSRF rule for the cookie.
 */
let payload: Payload
let org: TestOrganization
const originalCsrf: string[] = []

const tokenOf = async (collection: 'users' | 'staff', email: string, password: string) => (await payload.login({ collection, data: { email, password } })).token!

/** What Payload's own strategy makes of these headers, as the portal adapter used to read it. */
async function payloadAnswer(headers: Headers): Promise<PortalUser | null> {
  const { user } = await executeAuthStrategies({ headers, payload, canSetHeaders: false })
  return user && user.collection === 'users' ? (user as PortalUser) : null
}

async function expectSameAnswer(headers: Headers) {
  const expected = await payloadAnswer(headers)
  const session = await resolvePortalSession(payload, headers, payloadSessionAdapter)
  expect(session?.user ?? null).toEqual(expected)
  return session
}

const sign = (claims: Record<string, unknown>, { expiresIn = '1h', authVersion = JWT_AUTH_VERSION }: { expiresIn?: string; authVersion?: number } = {}) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', authVersion } as never).setIssuedAt().setExpirationTime(expiresIn).sign(new TextEncoder().encode(payload.secret))

beforeAll(async () => {
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'fast-path')
  originalCsrf.push(...payload.config.csrf)
})
afterEach(() => {
  payload.config.csrf.splice(0, payload.config.csrf.length, ...originalCsrf)
})

describe('the session statement answers as Payload’s JWT strategy', () => {
  it('a signed-in customer: the same user document, their organizations, roles and the flags', async () => {
    const token = await tokenOf('users', org.members.billing.email, 'test-password-1')
    for (const headers of [new Headers({ Authorization: `JWT ${token}` }), new Headers({ Authorization: `Bearer ${token}` })]) {
      const session = await expectSameAnswer(headers)
      expect(session?.user.email).toBe(org.members.billing.email)
      expect(session?.organizations).toEqual([{ id: org.organization.id, name: org.organization.name, role: 'billing' }])
      expect(session?.twoFactorEnrolmentNeeded).toBe(false)
      expect(Object.keys(session?.flags ?? {})).toContain('team')
    }
  })

  it('refuses what Payload refuses: a revoked session, a staff token, a forged, expired or session-less token, a deleted user', async () => {
    const token = await tokenOf('users', org.members.viewer.email, 'test-password-1')
    const headers = new Headers({ Authorization: `JWT ${token}` })
    expect((await expectSameAnswer(headers))?.user.id).toBe(org.members.viewer.id)
    await payload.db.pool.query('DELETE FROM users_sessions WHERE _parent_id = $1', [org.members.viewer.id])
    expect(await expectSameAnswer(headers)).toBeNull()

    expect(await expectSameAnswer(new Headers({ Authorization: `JWT ${await tokenOf('staff', 'staff@demo.test', 'portico-demo')}` }))).toBeNull()
    expect(await expectSameAnswer(new Headers({ Authorization: `JWT ${token.slice(0, -2)}xx` }))).toBeNull()

    const member = org.members.member
    const live = new Headers({ Authorization: `JWT ${await tokenOf('users', member.email, 'test-password-1')}` })
    const sid = currentSessionId((await resolvePortalSession(payload, live, payloadSessionAdapter))!.user)!
    expect(await expectSameAnswer(new Headers({ Authorization: `JWT ${await sign({ id: member.id, collection: 'users', sid })}` }))).not.toBeNull()
    expect(await expectSameAnswer(new Headers({ Authorization: `JWT ${await sign({ id: member.id, collection: 'users', sid }, { expiresIn: '-1m' })}` }))).toBeNull()
    expect(await expectSameAnswer(new Headers({ Authorization: `JWT ${await sign({ id: member.id, collection: 'users', sid }, { authVersion: 99 })}` }))).toBeNull()
    expect(await expectSameAnswer(new Headers({ Authorization: `JWT ${await sign({ id: member.id, collection: 'users' })}` }))).toBeNull()
    expect(await expectSameAnswer(new Headers({ Authorization: `JWT ${await sign({ id: 2_000_000_000, collection: 'users', sid })}` }))).toBeNull()
    expect(await expectSameAnswer(new Headers({ Authorization: `JWT ${await sign({ id: 'not-an-id', collection: 'users', sid })}` }))).toBeNull()
  })

  it('takes the cookie exactly when Payload does (Origin allow-list, Sec-Fetch-Site without one)', async () => {
    const token = await tokenOf('users', org.members.admin.email, 'test-password-1')
    const cookie = `${payload.config.cookiePrefix}-token=${token}`
    payload.config.csrf.splice(0, payload.config.csrf.length, 'http://portal.example')
    const cases: Array<[Record<string, string>, boolean]> = [
      [{ Origin: 'http://portal.example' }, true],
      [{ Origin: 'http://evil.example' }, false],
      [{ 'Sec-Fetch-Site': 'same-origin' }, true],
      [{ 'Sec-Fetch-Site': 'none' }, true],
      [{ 'Sec-Fetch-Site': 'cross-site' }, false],
      [{}, false],
    ]
    for (const [extra, accepted] of cases) {
      const session = await expectSameAnswer(new Headers({ Cookie: cookie, ...extra }))
      expect(Boolean(session), JSON.stringify(extra)).toBe(accepted)
    }
    payload.config.csrf.splice(0, payload.config.csrf.length)
    expect(await expectSameAnswer(new Headers({ Cookie: cookie }))).not.toBeNull()
  })

  it('says two-factor enrolment is needed exactly when one of the user’s organizations requires it', async () => {
    const extra = await createOrganizationWithEveryRole(payload, 'fast-path-2fa')
    const headers = new Headers({ Authorization: `JWT ${await tokenOf('users', extra.members.member.email, 'test-password-1')}` })
    expect((await resolvePortalSession(payload, headers, payloadSessionAdapter))?.twoFactorEnrolmentNeeded).toBe(false)
    await payload.update({ collection: 'organizations', id: extra.organization.id, data: { requireTwoFactor: true }, overrideAccess: true })
    expect((await resolvePortalSession(payload, headers, payloadSessionAdapter))?.twoFactorEnrolmentNeeded).toBe(true)
  })
})
