import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { listSessions } from '../../src/account/sessions/list-sessions'
import { touchSession } from '../../src/account/sessions/touch-session'
import { GET as listRoute, POST as revokeRoute } from '../../src/app/(portal)/api/portal/account/sessions/route'
import { payloadSessionAdapter } from '../../src/auth/adapters/payload-adapter'
import { resolvePortalSession } from '../../src/auth/portal-session'
import { cookieHeaders, createAccountUser, TEST_PASSWORD } from '../helpers/account'
import { testPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
const FIREFOX_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0'

async function signInAs(email: string, userAgent: string, ip: string): Promise<Headers> {
  const { token } = await payload.login({ collection: 'users', data: { email, password: TEST_PASSWORD }, req: { headers: new Headers({ 'user-agent': userAgent, 'x-forwarded-for': ip }) } })
  return cookieHeaders(payload, token!)
}

const call = (handler: typeof revokeRoute, headers: Headers, body?: unknown) =>
  handler(new Request('http://portal.test/api/portal/account/sessions', { method: body ? 'POST' : 'GET', headers, body: body ? JSON.stringify(body) : undefined }))

const stillSignedIn = async (headers: Headers) => (await resolvePortalSession(payload, headers, payloadSessionAdapter)) !== null

describe('sessions', () => {
  it('lists the user’s sessions with device, IP and which one is this device', async () => {
    const user = await createAccountUser(payload, 'list')
    const laptop = await signInAs(user.email, CHROME_MAC, '203.0.113.7')
    await signInAs(user.email, FIREFOX_WIN, '198.51.100.2')
    const response = await call(listRoute, laptop)
    const { data } = await response.json()
    expect(data).toHaveLength(2)
    expect(data[0]).toMatchObject({ current: true, browser: 'Chrome 126', os: 'macOS Sonoma', ip: '203.0.113.7' })
    expect(data[1]).toMatchObject({ current: false, browser: 'Firefox 127', os: 'Windows 10', ip: '198.51.100.2' })
  })

  it('a revoked session is refused on its very next request; the others keep working', async () => {
    const user = await createAccountUser(payload, 'revoke')
    const mine = await signInAs(user.email, CHROME_MAC, '203.0.113.7')
    const other = await signInAs(user.email, FIREFOX_WIN, '198.51.100.2')
    const third = await signInAs(user.email, FIREFOX_WIN, '198.51.100.3')
    const sessions = await listSessions(payload, { userId: user.id, currentSid: null })
    const target = sessions.find((row) => row.ip === '198.51.100.2')!

    const response = await call(revokeRoute, mine, { sid: target.sid })
    expect(response.status).toBe(200)
    expect(await stillSignedIn(other)).toBe(false)
    expect((await payload.auth({ headers: other })).user).toBeNull()
    expect(await stillSignedIn(mine)).toBe(true)
    expect(await stillSignedIn(third)).toBe(true)

    expect((await call(revokeRoute, mine, { others: true })).status).toBe(200)
    expect(await stillSignedIn(third)).toBe(false)
    expect(await stillSignedIn(mine)).toBe(true)

    const { docs: events } = await payload.find({ collection: 'portal-events', where: { type: { equals: 'account.session_revoked' }, 'data.subjectUserId': { equals: user.id } }, overrideAccess: true })
    expect(events).toHaveLength(2)
  })

  it('cannot revoke another user’s session', async () => {
    const victim = await createAccountUser(payload, 'victim')
    const attacker = await createAccountUser(payload, 'attacker')
    const victimSession = await signInAs(victim.email, CHROME_MAC, '203.0.113.9')
    const [row] = await listSessions(payload, { userId: victim.id, currentSid: null })
    const response = await call(revokeRoute, await signInAs(attacker.email, FIREFOX_WIN, '198.51.100.9'), { sid: row.sid })
    expect(response.status).toBe(404)
    expect(await stillSignedIn(victimSession)).toBe(true)
  })

  it('last seen moves at most once a minute', async () => {
    const user = await createAccountUser(payload, 'touch')
    await signInAs(user.email, CHROME_MAC, '203.0.113.7')
    const [row] = await listSessions(payload, { userId: user.id, currentSid: null })
    await touchSession(payload, row.sid)
    const [unchanged] = await listSessions(payload, { userId: user.id, currentSid: null })
    expect(unchanged.lastSeenAt).toBe(row.lastSeenAt)
    await payload.db.pool.query(`UPDATE user_sessions SET last_seen_at = now() - interval '2 minutes' WHERE sid = $1`, [row.sid])
    await touchSession(payload, row.sid)
    const [moved] = await listSessions(payload, { userId: user.id, currentSid: null })
    expect(new Date(moved.lastSeenAt!).getTime()).toBeGreaterThan(Date.now() - 10_000)
  })
})
