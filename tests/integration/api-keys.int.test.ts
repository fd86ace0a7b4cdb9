import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'

import type { Payload } from 'payload'
import { Client } from 'pg'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { POST as rotatePOST } from '../../src/app/(portal)/api/api-keys/[id]/rotate/route'
import { DELETE as keyDELETE } from '../../src/app/(portal)/api/api-keys/[id]/route'
import { PUT as policyPUT } from '../../src/app/(portal)/api/api-keys/policy/route'
import { GET as keysGET, POST as keysPOST } from '../../src/app/(portal)/api/api-keys/route'
import { POST as verifyPOST } from '../../src/app/(portal)/api/keys/verify/route'
import { generateApiKeySecret } from '../../src/api-keys/api-key-format'
import { type ApiKeyVerifier, createApiKeyVerifier } from '../../src/api-keys/api-key-verifier'
import { sendApiKeyExpiryNotices } from '../../src/api-keys/send-api-key-expiry-notices'
import { ROLES, type Role } from '../../src/access/roles'
import { routeCaller } from '../helpers/call-route'
import { countStatements, installStatementCounter } from '../helpers/statement-counter'
import { eventually, runJobsNow } from '../helpers/jobs'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'

let payload: Payload
let call: ReturnType<typeof routeCaller>
let mailDir: string
let org: TestOrganization
let captured = ''
let originalLogger: Payload['logger']
const restoreOutput: Array<() => void> = []
const verifiers: ApiKeyVerifier[] = []
/** Every secret the routes handed out, grepped for everywhere at the end. */
const issued: string[] = []

const HOUR = 3_600_000
const DAY = 24 * HOUR
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()

/** A verifier as a separate server instance would have: its own cache and LISTEN connection; `clock` is the time it judges expiry at. */
const verifier = (clock?: () => number) => {
  const created = createApiKeyVerifier(payload, { clock })
  verifiers.push(created)
  return created
}

async function createKey(body: Record<string, unknown> = {}, as: Role = 'admin') {
  const result = await call(keysPOST, org.members[as], '/api/api-keys', { method: 'POST', body: { name: 'CI deploys', scopes: ['usage:read', 'usage:write'], environment: 'live', ...body } })
  expect(result.status, JSON.stringify(result.body)).toBe(200)
  issued.push(result.body.data.secret)
  return result.body.data as { key: { id: number; prefix: string; status: string }; secret: string }
}

const verifyRequest = (body: unknown, token: string | null = 'verify-token') =>
  verifyPOST(new Request('http://localhost/api/keys/verify', { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }))

beforeAll(async () => {
  mailDir = await mkdtemp(path.join(tmpdir(), 'portico-api-keys-mail-'))
  process.env.PORTICO_MAIL_DIR = mailDir
  delete process.env.SMTP_URL
  payload = await testPayload()
  call = routeCaller(payload)
  org = await createOrganizationWithEveryRole(payload, 'api-keys')
  // Every log line of this file, at debug level, through payload.config's own logger options.
  const sink = new Writable({ write: (chunk, _encoding, done) => ((captured += String(chunk)), done()) })
  originalLogger = payload.logger
  payload.logger = pino({ ...(payload.config.logger as { options: object }).options, level: 'debug' }, sink) as unknown as Payload['logger']
  payload.logger.info('api-keys suite: log capture is on')
  // And whatever reaches the process's own output (Next, pg, console) meanwhile.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream)
    restoreOutput.push(() => (stream.write = write))
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => ((captured += String(chunk)), write(chunk, ...rest))) as typeof stream.write
  }
})
afterAll(async () => {
  for (const restore of restoreOutput) restore()
  for (const created of verifiers) await created.close()
  if (originalLogger) payload.logger = originalLogger
  delete process.env.API_KEY_VERIFY_TOKEN
})

describe('create, list, verify', () => {
  it('creates a key shown once: the list, the row and the verifier know it only by prefix and hash', async () => {
    const { key, secret } = await createKey({ expiresAt: inDays(30) })
    expect(secret).toMatch(/^pk_live_[0-9A-Za-z]{38}$/)
    expect(key).toMatchObject({ prefix: secret.slice(0, 14), status: 'active', environment: 'live', scopes: ['usage:read', 'usage:write'], createdBy: org.members.admin.name })

    const list = await call(keysGET, org.members.member, '/api/api-keys')
    expect(list.status).toBe(200)
    expect(list.body.data.keys.map((row: { id: number }) => row.id)).toContain(key.id)
    expect(JSON.stringify(list.body)).not.toContain(secret.slice(14))
    expect(JSON.stringify(list.body)).not.toMatch(/secretHash|[0-9a-f]{64}/)

    const { rows } = await payload.db.pool.query('SELECT prefix, secret_hash FROM api_keys WHERE id = $1', [key.id])
    expect(rows[0].prefix).toBe(secret.slice(0, 14))
    expect(rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/)

    expect(await verifier().verify(secret, ['usage:write'])).toEqual({ valid: true, organizationId: org.organization.id, keyId: key.id, scopes: ['usage:read', 'usage:write'], environment: 'live' })
  })

  it('audits and announces create, rotate and revoke; the audit row keeps what identifies the key, not the key', async () => {
    const { key } = await createKey({ name: 'audited' })
    const rotated = await call(rotatePOST, org.members.admin, `/api/api-keys/${key.id}/rotate`, { method: 'POST', params: { id: String(key.id) }, body: { overlap: 'now' } })
    expect(rotated.status).toBe(200)
    issued.push(rotated.body.data.secret)
    const newId = rotated.body.data.key.id
    expect(rotated.body.data.previous).toMatchObject({ id: key.id, status: 'expired' })
    expect(rotated.body.data.key).toMatchObject({ name: 'audited', rotatedFromId: key.id, status: 'active' })
    expect((await call(keyDELETE, org.members.owner, `/api/api-keys/${newId}`, { method: 'DELETE', params: { id: String(newId) } })).status).toBe(200)

    const audit = await payload.find({ collection: 'portal-audit', where: { organization: { equals: org.organization.id }, entityType: { equals: 'api-keys' }, entityId: { in: [String(key.id), String(newId)] } }, depth: 0, pagination: false, sort: 'createdAt' })
    expect(audit.docs.map((row) => row.action)).toEqual(['api_key.created', 'api_key.rotated', 'api_key.revoked'])
    expect(audit.docs[0]!.after).toMatchObject({ name: 'audited', prefix: key.prefix, environment: 'live' })
    const events = await payload.find({ collection: 'portal-events', where: { organization: { equals: org.organization.id }, type: { in: ['api_key.created', 'api_key.rotated', 'api_key.revoked'] } }, depth: 0, pagination: false })
    expect(new Set(events.docs.map((event) => event.type))).toEqual(new Set(['api_key.created', 'api_key.rotated', 'api_key.revoked']))
  })
})

describe('every rejection reason', () => {
  it('malformed — a wrong checksum, prefix or length — is refused without a database read', async () => {
    const fresh = verifier()
    const { secret } = generateApiKeySecret('live')
    const typo = secret.slice(0, 20) + (secret[20] === 'a' ? 'b' : 'a') + secret.slice(21)
    // Every connection, pooled or not, is a pg Client: nothing may be sent on any of them.
    const query = vi.spyOn(Client.prototype, 'query')
    const connect = vi.spyOn(Client.prototype, 'connect')
    try {
      for (const bad of [typo, secret.slice(0, -1), secret.replace('pk_live_', 'pk_prod_'), '', 42]) expect(await fresh.verify(bad)).toEqual({ valid: false, reason: 'malformed' })
      expect(query).not.toHaveBeenCalled()
      expect(connect).not.toHaveBeenCalled()
    } finally {
      query.mockRestore()
      connect.mockRestore()
    }
  })

  it('unknown — well formed, never issued', async () => {
    expect(await verifier().verify(generateApiKeySecret('test').secret)).toEqual({ valid: false, reason: 'unknown' })
  })

  it('revoked, expired and insufficient_scope', async () => {
    const { key, secret } = await createKey({ expiresAt: inDays(2), scopes: ['usage:read'] })
    expect(await verifier().verify(secret, ['usage:write'])).toEqual({ valid: false, reason: 'insufficient_scope' })
    expect(await verifier(() => Date.now() + 2 * DAY + 1_000).verify(secret)).toEqual({ valid: false, reason: 'expired' })
    await call(keyDELETE, org.members.admin, `/api/api-keys/${key.id}`, { method: 'DELETE', params: { id: String(key.id) } })
    expect(await verifier().verify(secret)).toEqual({ valid: false, reason: 'revoked' })
    const again = await call(keyDELETE, org.members.admin, `/api/api-keys/${key.id}`, { method: 'DELETE', params: { id: String(key.id) } })
    expect(again).toMatchObject({ status: 409, body: { success: false, error: { code: 'conflict' } } })
  })
})

describe('rotation with an overlap', () => {
  it('the old key works during the overlap and fails after it; the new one works throughout', async () => {
    const { key, secret: oldSecret } = await createKey({ name: 'rotating' })
    const rotatedAt = Date.now()
    const result = await call(rotatePOST, org.members.owner, `/api/api-keys/${key.id}/rotate`, { method: 'POST', params: { id: String(key.id) }, body: { overlap: '1h' } })
    expect(result.status).toBe(200)
    const { secret: newSecret, previous } = result.body.data
    issued.push(newSecret)
    expect(new Date(previous.expiresAt).getTime()).toBeGreaterThanOrEqual(rotatedAt + HOUR - 1_000)

    const at = (offset: number) => verifier(() => rotatedAt + offset)
    expect(await at(59 * 60_000).verify(oldSecret)).toMatchObject({ valid: true, keyId: key.id })
    expect(await at(HOUR + 5_000).verify(oldSecret)).toEqual({ valid: false, reason: 'expired' })
    expect(await at(HOUR + 5_000).verify(newSecret)).toMatchObject({ valid: true, keyId: result.body.data.key.id })

    // Rotated once: the replacement is the one to rotate next.
    const twice = await call(rotatePOST, org.members.owner, `/api/api-keys/${key.id}/rotate`, { method: 'POST', params: { id: String(key.id) }, body: { overlap: '24h' } })
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } })
  })

  it('the overlap defaults to 24 hours and must be one of the offered choices', async () => {
    const { key } = await createKey({ name: 'default overlap' })
    const bad = await call(rotatePOST, org.members.admin, `/api/api-keys/${key.id}/rotate`, { method: 'POST', params: { id: String(key.id) }, body: { overlap: '2d' } })
    expect(bad).toMatchObject({ status: 422, body: { error: { fields: { overlap: expect.any(String) } } } })
    const before = Date.now()
    const ok = await call(rotatePOST, org.members.admin, `/api/api-keys/${key.id}/rotate`, { method: 'POST', params: { id: String(key.id) }, body: {} })
    issued.push(ok.body.data.secret)
    expect(Math.abs(new Date(ok.body.data.previous.expiresAt).getTime() - (before + DAY))).toBeLessThan(10_000)
  })
})

describe('cache invalidation across instances', () => {
  it('a revocation reaches another instance’s warm cache within a second (LISTEN/NOTIFY)', async () => {
    const other = verifier()
    const { key, secret } = await createKey({ name: 'cached' })
    expect(await other.verify(secret)).toMatchObject({ valid: true })
    expect(other.listening()).toBe(true)
    // Warm: the next answer comes from memory, with no query.
    const query = vi.spyOn(Client.prototype, 'query')
    expect(await other.verify(secret)).toMatchObject({ valid: true })
    expect(query).not.toHaveBeenCalled()
    query.mockRestore()

    const revokedAt = Date.now()
    await call(keyDELETE, org.members.admin, `/api/api-keys/${key.id}`, { method: 'DELETE', params: { id: String(key.id) } })
    await eventually(async () => (await other.verify(secret)).valid === false, 'the other instance to refuse the revoked key', 1_000)
    expect(Date.now() - revokedAt).toBeLessThan(1_000)
    expect(await other.verify(secret)).toEqual({ valid: false, reason: 'revoked' })
  })
})

describe('last use, batched', () => {
  it('is kept in memory and written once per flush, with the caller’s address', async () => {
    const { key, secret } = await createKey({ name: 'used' })
    const instance = verifier()
    for (let index = 0; index < 20; index++) expect((await instance.verify(secret, [], { ip: `203.0.113.${index}` })).valid).toBe(true)
    const read = async () => (await payload.db.pool.query('SELECT last_used_at, last_used_ip FROM api_keys WHERE id = $1', [key.id])).rows[0]
    expect(await read()).toEqual({ last_used_at: null, last_used_ip: null })
    await instance.flushUsage()
    const row = await read()
    expect(row.last_used_ip).toBe('203.0.113.19')
    expect(Date.now() - new Date(row.last_used_at).getTime()).toBeLessThan(60_000)
    const list = await call(keysGET, org.members.owner, '/api/api-keys')
    expect(list.body.data.keys.find((listed: { id: number }) => listed.id === key.id)).toMatchObject({ lastUsedIp: '203.0.113.19', lastUsedAt: expect.any(String) })
  })
})

describe('POST /api/keys/verify', () => {
  it('answers 503 while no server token is configured, 401 for a wrong one, 400 for a bad body', async () => {
    delete process.env.API_KEY_VERIFY_TOKEN
    expect((await verifyRequest({ key: 'x' })).status).toBe(503)
    process.env.API_KEY_VERIFY_TOKEN = 'verify-token'
    expect((await verifyRequest({ key: 'x' }, 'wrong-token')).status).toBe(401)
    expect((await verifyRequest({ key: 'x' }, null)).status).toBe(401)
    expect((await verifyRequest({ scopes: 'usage:read' })).status).toBe(400)
    expect((await verifyRequest({ key: 'a\u0000b' })).status).toBe(400)
  })

  it('verifies a key for the product: the fields it needs, or the reason', async () => {
    process.env.API_KEY_VERIFY_TOKEN = 'verify-token'
    const { key, secret } = await createKey({ name: 'product', environment: 'test', scopes: ['usage:write'] })
    const ok = await verifyRequest({ key: secret, scopes: ['usage:write'], ip: '198.51.100.7' })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ valid: true, organizationId: org.organization.id, keyId: key.id, scopes: ['usage:write'], environment: 'test' })
    expect(ok.headers.get('server-timing')).toMatch(/^verify;dur=[\d.]+, total;dur=[\d.]+$/)
    // Warm: the answer comes from the cache (keyed by the secret's fingerprint), not the database.
    installStatementCounter(payload)
    const warm = await countStatements(async () => (await verifyRequest({ key: secret, scopes: ['usage:write'] })).json())
    expect(warm).toEqual({ result: { valid: true, organizationId: org.organization.id, keyId: key.id, scopes: ['usage:write'], environment: 'test' }, statements: [] })
    const refused = await verifyRequest({ key: secret, scopes: ['invoices:read'] })
    const body = await refused.json()
    expect(body).toEqual({ valid: false, reason: 'insufficient_scope' })
    expect(JSON.stringify(body)).not.toContain(secret)
    expect(await (await verifyRequest({ key: `${secret.slice(0, -1)}x` })).json()).toEqual({ valid: false, reason: 'malformed' })
  })
})

describe('maximum key lifetime', () => {
  it('only the owner sets it; then "never" and dates past it are refused, dates within it accepted', async () => {
    expect((await call(policyPUT, org.members.admin, '/api/api-keys/policy', { method: 'PUT', body: { maxLifetimeDays: 30 } })).status).toBe(403)
    expect((await call(policyPUT, org.members.owner, '/api/api-keys/policy', { method: 'PUT', body: { maxLifetimeDays: 0 } })).status).toBe(422)
    const set = await call(policyPUT, org.members.owner, '/api/api-keys/policy', { method: 'PUT', body: { maxLifetimeDays: 30 } })
    expect(set).toMatchObject({ status: 200, body: { data: { maxLifetimeDays: 30 } } })
    try {
      const body = { name: 'capped', scopes: ['usage:read'], environment: 'live' }
      const count = async () => (await payload.count({ collection: 'api-key-records', where: { organization: { equals: org.organization.id } } })).totalDocs
      const before = await count()
      for (const expiresAt of [null, inDays(31)]) {
        const refused = await call(keysPOST, org.members.admin, '/api/api-keys', { method: 'POST', body: { ...body, expiresAt } })
        expect(refused).toMatchObject({ status: 422, body: { error: { fields: { expiresAt: expect.stringContaining('30 days') } } } })
      }
      expect(await count()).toBe(before)
      await createKey({ ...body, expiresAt: inDays(29) })
      expect((await call(keysGET, org.members.member, '/api/api-keys')).body.data.maxLifetimeDays).toBe(30)
    } finally {
      await call(policyPUT, org.members.owner, '/api/api-keys/policy', { method: 'PUT', body: { maxLifetimeDays: null } })
    }
  })
})

describe('role matrix', () => {
  it('viewer and billing can neither see nor manage keys; member reads only; admin manages; the owner also sets the cap', async () => {
    const { key } = await createKey({ name: 'matrix' })
    const expected: Record<Role, { read: number; manage: number; policy: number }> = {
      owner: { read: 200, manage: 200, policy: 200 },
      admin: { read: 200, manage: 200, policy: 403 },
      billing: { read: 403, manage: 403, policy: 403 },
      member: { read: 200, manage: 403, policy: 403 },
      viewer: { read: 403, manage: 403, policy: 403 },
    }
    for (const role of ROLES) {
      const user = org.members[role]
      const seen = (await call(keysGET, user, '/api/api-keys')).status
      const created = await call(keysPOST, user, '/api/api-keys', { method: 'POST', body: { name: `by ${role}`, scopes: ['usage:read'], environment: 'test' } })
      if (created.body.data?.secret) issued.push(created.body.data.secret)
      const rotated = await call(rotatePOST, user, `/api/api-keys/${key.id}/rotate`, { method: 'POST', params: { id: String(key.id) }, body: { overlap: '1h' } })
      const policy = (await call(policyPUT, user, '/api/api-keys/policy', { method: 'PUT', body: { maxLifetimeDays: null } })).status
      expect({ role, seen, created: created.status, policy }).toEqual({ role, seen: expected[role].read, created: expected[role].manage, policy: expected[role].policy })
      if (expected[role].manage === 403) expect(rotated.status, role).toBe(403)
      else {
        // The first manager rotates it; the next finds it already rotated.
        expect([200, 409], role).toContain(rotated.status)
        if (rotated.body.data?.secret) issued.push(rotated.body.data.secret)
      }
    }
  })

  it('another organization’s key is not found, and stays untouched', async () => {
    const other = await createOrganizationWithEveryRole(payload, 'api-keys-other')
    const { key } = await createKey({ name: 'mine' })
    for (const [handler, method] of [[keyDELETE, 'DELETE'], [rotatePOST, 'POST']] as const) {
      const result = await call(handler, other.members.owner, `/api/api-keys/${key.id}`, { method, params: { id: String(key.id) }, body: method === 'POST' ? { overlap: 'now' } : undefined })
      expect(result.status).toBe(404)
    }
    expect(await payload.findByID({ collection: 'api-key-records', id: key.id, depth: 0 })).toMatchObject({ revokedAt: null, expiresAt: null })
  })
})

describe('expiry notices', () => {
  it('warn owners and admins 7 days and 1 day before, then record the expiry: once per key and threshold', async () => {
    const own = await createOrganizationWithEveryRole(payload, 'api-keys-expiry')
    const created = await call(keysPOST, own.members.owner, '/api/api-keys', { method: 'POST', body: { name: 'expiring', scopes: ['usage:read'], environment: 'live', expiresAt: inDays(3) } })
    issued.push(created.body.data.secret)
    const expiresAt = new Date(created.body.data.key.expiresAt).getTime()
    const notices = async () =>
      (await payload.find({ collection: 'portal-events', where: { organization: { equals: own.organization.id }, type: { in: ['api_key.expiring', 'api_key.expired'] } }, depth: 0, pagination: false, sort: 'createdAt' })).docs.map((event) => [event.type, (event.data as { threshold?: string }).threshold ?? null])
    const sweepAt = async (at: number) => sendApiKeyExpiryNotices(payload, new Date(at))

    await sweepAt(expiresAt - 8 * DAY)
    expect(await notices()).toEqual([])
    await sweepAt(Date.now())
    await sweepAt(Date.now() + HOUR)
    expect(await notices()).toEqual([['api_key.expiring', '7d']])
    await sweepAt(expiresAt - 12 * HOUR)
    await sweepAt(expiresAt - 6 * HOUR)
    expect(await notices()).toEqual([['api_key.expiring', '7d'], ['api_key.expiring', '1d']])
    await sweepAt(expiresAt + 1_000)
    await sweepAt(expiresAt + DAY)
    expect(await notices()).toEqual([['api_key.expiring', '7d'], ['api_key.expiring', '1d'], ['api_key.expired', null]])
    const audit = await payload.find({ collection: 'portal-audit', where: { organization: { equals: own.organization.id }, action: { in: ['api_key.expiring', 'api_key.expired'] } }, depth: 0 })
    expect(audit.totalDocs).toBe(3)
    expect(audit.docs.every((row) => row.actorKind === 'system')).toBe(true)
  })

  it('a key that expires within a day hears once, not twice; a revoked key never', async () => {
    const own = await createOrganizationWithEveryRole(payload, 'api-keys-expiry-soon')
    const soon = await call(keysPOST, own.members.admin, '/api/api-keys', { method: 'POST', body: { name: 'soon', scopes: ['usage:read'], environment: 'test', expiresAt: new Date(Date.now() + 6 * HOUR).toISOString() } })
    const revoked = await call(keysPOST, own.members.admin, '/api/api-keys', { method: 'POST', body: { name: 'revoked', scopes: ['usage:read'], environment: 'test', expiresAt: inDays(2) } })
    issued.push(soon.body.data.secret, revoked.body.data.secret)
    await call(keyDELETE, own.members.admin, `/api/api-keys/${revoked.body.data.key.id}`, { method: 'DELETE', params: { id: String(revoked.body.data.key.id) } })
    await sendApiKeyExpiryNotices(payload, new Date())
    await sendApiKeyExpiryNotices(payload, new Date(Date.now() + HOUR))
    const events = await payload.find({ collection: 'portal-events', where: { organization: { equals: own.organization.id }, type: { equals: 'api_key.expiring' } }, depth: 0 })
    expect(events.docs.map((event) => (event.data as { threshold: string }).threshold)).toEqual(['1d'])
  })
})

describe('the secret is nowhere but in the one response', () => {
  it('not in any table (audit and outbox included), any email, or any log line of this file', async () => {
    await runJobsNow(payload)
    expect(issued.length).toBeGreaterThanOrEqual(10)
    // The outbox was delivered: emails to owners and admins went out for these events.
    const mails = await Promise.all((await readdir(mailDir)).filter((file) => file.endsWith('.eml')).map((file) => readFile(path.join(mailDir, file), 'utf8')))
    expect(mails.some((mail) => /An API key was (created|rotated|revoked)/.test(mail))).toBe(true)

    const { rows: tables } = await payload.db.pool.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)
    let database = ''
    for (const { table_name } of tables) {
      const { rows } = await payload.db.pool.query(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`)
      database += rows.map((row) => row.row).join('\n')
    }
    expect(database).toContain('api_key.created')
    expect(captured).toContain('log capture is on')
    for (const secret of issued) {
      // The random part alone: no prefix-only match can pass for a leak.
      const body = secret.slice(14)
      expect(database, 'database').not.toContain(body)
      for (const mail of mails) expect(mail, 'email').not.toContain(body)
      expect(captured, 'log').not.toContain(body)
    }
  })
})
