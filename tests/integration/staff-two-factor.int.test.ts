import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { readPendingChallenge } from '../../src/account/two-factor/pending-challenge'
import { openSecret } from '../../src/lib/secret-box'
import { cookieHeaders, createAccountUser, enrolTwoFactor, previousTotpCode, TEST_PASSWORD, totpCode } from '../helpers/account'
import { captureLog } from '../helpers/capture-log'
import { testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'

/**
 * Staff two-factor through the paths /admin uses: Payload's REST login (POST /api/staff/login, what
 * the admin login form calls) and the staff collection's endpoints behind /admin/two-factor.
 */
let payload: Payload
let http: Awaited<ReturnType<typeof payloadHttp>>

const PASSWORD = 'staff-long-passphrase-9'
type Envelope = { success: boolean; data?: any; error?: { code: string; fields?: Record<string, string> } }

beforeAll(async () => {
  payload = await testPayload()
  http = await payloadHttp(payload)
})

async function createStaff(label: string) {
  const email = `${label}-${randomUUID().slice(0, 8)}@staff.test`
  const staff = await payload.create({ collection: 'staff', data: { email, password: PASSWORD, name: `Staff ${label}` } })
  return { id: staff.id, email }
}

/** The admin login form's request: REST, no token yet. */
async function login(email: string): Promise<string> {
  const response = await http.rest('POST', 'staff/login', '', { email, password: PASSWORD })
  expect(response.status).toBe(200)
  const { token } = (await response.json()) as { token?: string }
  expect(token).toBeTruthy()
  return token!
}

const call = async (action: string, token: string, body?: unknown) => {
  const response = await http.rest('POST', `staff/two-factor/${action}`, token, body)
  return { status: response.status, headers: response.headers, body: (await response.json()) as Envelope }
}

/** Who Payload takes the token for: null when it isn't a session. */
const whoIs = async (token: string) => (await payload.auth({ headers: new Headers({ authorization: `JWT ${token}` }) })).user

async function enrolStaff(label: string) {
  const staff = await createStaff(label)
  const token = await login(staff.email)
  const setup = await call('setup', token)
  expect(setup.status).toBe(200)
  const key = setup.body.data.key as string
  expect(setup.body.data.qrSvg).toContain('<svg')
  const enabled = await call('enable', token, { code: await previousTotpCode(key) })
  expect(enabled.status).toBe(200)
  return { ...staff, key, recoveryCodes: enabled.body.data.recoveryCodes as string[] }
}

describe('staff two-factor at /admin', () => {
  it('enrols: the TOTP secret is sealed at rest, recovery codes are stored hashed, and the change is audited', async () => {
    const staff = await enrolStaff('enrol')
    expect(staff.recoveryCodes).toHaveLength(10)
    const { rows } = await payload.db.pool.query<{ totp_secret: string; two_factor_enabled_at: Date | null }>('SELECT totp_secret, two_factor_enabled_at FROM staff WHERE id = $1', [staff.id])
    expect(rows[0]!.two_factor_enabled_at).not.toBeNull()
    expect(rows[0]!.totp_secret).not.toContain(staff.key)
    expect(rows[0]!.totp_secret.startsWith('v1:')).toBe(true)
    expect(openSecret(rows[0]!.totp_secret)).toBe(staff.key)
    const codes = await payload.db.pool.query<{ hash: string }>('SELECT hash FROM staff_recovery_codes WHERE _parent_id = $1', [staff.id])
    expect(codes.rows).toHaveLength(10)
    const stored = codes.rows.map((row) => row.hash).join(' ')
    for (const code of staff.recoveryCodes) {
      expect(stored).not.toContain(code)
      expect(stored).not.toContain(code.replaceAll('-', ''))
    }
    // Not through the API either, even to another staff member.
    const other = await createStaff('reader')
    const read = await http.rest('GET', `staff/${staff.id}`, await login(other.email))
    const doc = (await read.json()) as Record<string, unknown>
    expect(doc.email).toBe(staff.email)
    expect(doc).not.toHaveProperty('totpSecret')
    expect(doc).not.toHaveProperty('recoveryCodes')
    const audit = await payload.find({ collection: 'portal-audit', where: { entityType: { equals: 'staff' }, entityId: { equals: String(staff.id) }, action: { equals: 'staff.two_factor_enabled' } }, depth: 0 })
    expect(audit.totalDocs).toBe(1)
    expect(JSON.stringify(audit.docs[0])).not.toContain(staff.key)
    // Staff changes tell no customer anything.
    expect((await payload.find({ collection: 'portal-events', where: { audit: { equals: audit.docs[0]!.id } }, depth: 0 })).totalDocs).toBe(0)
  })

  it('a password alone gives no usable token: Payload, REST and the admin refuse it until the code is given', async () => {
    const staff = await enrolStaff('gate')
    const token = await login(staff.email)
    expect(await whoIs(token)).toBeNull()
    expect((await payload.auth({ headers: cookieHeaders(payload, token) })).user).toBeNull()
    expect((await http.rest('GET', 'organizations', token)).status).toBe(403)
    const me = (await (await http.rest('GET', 'staff/me', token)).json()) as { user: unknown }
    expect(me.user).toBeNull()
    // Nor can the pending token enrol or change anything.
    expect((await call('setup', token)).status).toBe(401)
    expect((await call('disable', token, { code: await totpCode(staff.key, 0) })).status).toBe(401)
    // A staff sign-in is no customer's challenge, and a customer's route won't take it.
    expect(await readPendingChallenge(payload, cookieHeaders(payload, token))).toBeNull()
    expect(await readPendingChallenge(payload, cookieHeaders(payload, token), 'staff')).toMatchObject({ userId: staff.id, collection: 'staff' })
  })

  it('a wrong code is refused; the right code (±1 step) turns the same token into a session', async () => {
    const staff = await enrolStaff('verify')
    const token = await login(staff.email)
    const wrong = await call('verify', token, { code: '000000' })
    expect(wrong.status).toBe(422)
    expect(wrong.body.error?.fields?.code).toBeTruthy()
    expect(await whoIs(token)).toBeNull()
    expect((await call('verify', token, {})).status).toBe(422)

    const right = await call('verify', token, { code: await totpCode(staff.key, 1) })
    expect(right.status).toBe(200)
    expect(right.body.data).toEqual({ method: 'totp' })
    expect((await whoIs(token))?.id).toBe(staff.id)
    expect((await http.rest('GET', 'organizations', token)).status).toBe(200)
    // The challenge is spent.
    expect((await call('verify', token, { code: await totpCode(staff.key, 1) })).status).toBe(401)
    // A code two steps away is outside the window.
    const later = await login(staff.email)
    expect((await call('verify', later, { code: await totpCode(staff.key, 3) })).status).toBe(422)
  })

  it('a recovery code signs in once, never twice', async () => {
    const staff = await enrolStaff('recovery')
    const first = await login(staff.email)
    const used = await call('verify', first, { code: staff.recoveryCodes[0]!.toLowerCase() })
    expect(used.status).toBe(200)
    expect(used.body.data).toEqual({ method: 'recovery' })
    expect((await whoIs(first))?.id).toBe(staff.id)
    const second = await login(staff.email)
    expect((await call('verify', second, { code: staff.recoveryCodes[0] })).status).toBe(422)
    expect(await whoIs(second)).toBeNull()
    expect((await call('verify', second, { code: staff.recoveryCodes[1] })).status).toBe(200)
  })

  it('is throttled after 5 wrong codes: 429 with Retry-After, even for the right code', async () => {
    const staff = await enrolStaff('throttle')
    const token = await login(staff.email)
    for (let attempt = 1; attempt <= 5; attempt++) expect((await call('verify', token, { code: '000000' })).status, `attempt ${attempt}`).toBe(422)
    const locked = await call('verify', token, { code: await totpCode(staff.key, 0) })
    expect(locked.status).toBe(429)
    expect(locked.body.error?.code).toBe('rate_limited')
    const retryAfter = Number(locked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(30)
    expect(await whoIs(token)).toBeNull()
    // The lock is the staff member's, not the token's: a fresh sign-in is locked as well.
    expect((await call('verify', await login(staff.email), { code: await totpCode(staff.key, 0) })).status).toBe(429)
  })

  it('per client too: one address gets 20 verify attempts in 15 minutes, then 429 with Retry-After', async () => {
    const { POST } = await import('../../src/app/(payload)/api/[...slug]/route')
    const client = `198.51.100.${1 + Math.floor(Math.random() * 250)}`
    const verify = () =>
      POST(new Request('http://localhost/api/staff/two-factor/verify', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client }, body: JSON.stringify({ code: '000000' }) }), {
        params: Promise.resolve({ slug: ['staff', 'two-factor', 'verify'] }),
      })
    // No pending sign-in at all: each guess is refused, and still counts against the address.
    for (let attempt = 1; attempt <= 20; attempt++) expect((await verify()).status, `attempt ${attempt}`).toBe(401)
    const limited = await verify()
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('a customer’s token, full or pending, opens none of the staff endpoints', async () => {
    const customer = await payload.create({ collection: 'users', data: { email: `customer-${randomUUID().slice(0, 8)}@staff.test`, password: PASSWORD } })
    const { token } = await payload.login({ collection: 'users', data: { email: customer.email, password: PASSWORD } })
    for (const action of ['setup', 'enable', 'disable', 'recovery-codes', 'verify']) expect((await call(action, token!, { code: '000000' })).status, action).toBe(401)
    expect((await payload.db.pool.query('SELECT totp_secret FROM users WHERE id = $1', [customer.id])).rows[0].totp_secret).toBeNull()
  })

  it('the customers’ verify route answers the same lock the same way: 429 with Retry-After (one module, one limiter)', async () => {
    const { POST: customerVerify } = await import('../../src/app/(portal)/api/portal/two-factor/verify/route')
    const user = await createAccountUser(payload, 'customer-lock')
    const { key } = await enrolTwoFactor(payload, user)
    const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: TEST_PASSWORD } })
    const verify = (code: string) => customerVerify(new Request('http://localhost/api/portal/two-factor/verify', { method: 'POST', headers: cookieHeaders(payload, token!, { 'Content-Type': 'application/json' }), body: JSON.stringify({ code }) }))
    for (let attempt = 1; attempt <= 5; attempt++) expect((await verify('000000')).status, `attempt ${attempt}`).toBe(422)
    const locked = await verify(await totpCode(key, 0))
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await locked.json()) as Envelope).error?.code).toBe('rate_limited')
  })

  it('staff without two-factor sign in with their password alone, as before', async () => {
    const staff = await createStaff('plain')
    const token = await login(staff.email)
    expect((await whoIs(token))?.id).toBe(staff.id)
    expect((await http.rest('GET', 'organizations', token)).status).toBe(200)
  })

  it('turning it off and new recovery codes need a code; both are audited', async () => {
    const staff = await enrolStaff('manage')
    const token = await login(staff.email)
    expect((await call('verify', token, { code: await totpCode(staff.key, 0) })).status).toBe(200)
    expect((await call('recovery-codes', token, { code: '000000' })).status).toBe(422)
    const fresh = await call('recovery-codes', token, { code: staff.recoveryCodes[2] })
    expect(fresh.status).toBe(200)
    expect(fresh.body.data.recoveryCodes).toHaveLength(10)
    expect((await call('disable', token, { code: fresh.body.data.recoveryCodes[0] })).status).toBe(200)
    expect((await whoIs(await login(staff.email)))?.id).toBe(staff.id)
    const actions = (await payload.find({ collection: 'portal-audit', where: { entityType: { equals: 'staff' }, entityId: { equals: String(staff.id) }, action: { not_equals: 'staff.created' } }, depth: 0, sort: 'createdAt' })).docs.map((row) => row.action)
    expect(actions).toEqual(['staff.two_factor_enabled', 'staff.recovery_codes_regenerated', 'staff.two_factor_disabled'])
  })

  it('nothing secret reaches the server log: not the key, the sealed secret, a recovery code or a token', async () => {
    const secrets: string[] = []
    const log = await captureLog(payload, async () => {
      const staff = await enrolStaff('log')
      const token = await login(staff.email)
      await call('verify', token, { code: '000000' })
      await call('verify', token, { code: staff.recoveryCodes[0] })
      const { rows } = await payload.db.pool.query<{ totp_secret: string }>('SELECT totp_secret FROM staff WHERE id = $1', [staff.id])
      secrets.push(staff.key, rows[0]!.totp_secret, token, PASSWORD, ...staff.recoveryCodes, ...staff.recoveryCodes.map((code) => code.replaceAll('-', '')))
    })
    expect(secrets.length).toBeGreaterThan(10)
    for (const secret of secrets) expect(log, 'a secret in the log').not.toContain(secret)
  })
})
