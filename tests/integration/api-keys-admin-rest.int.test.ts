import { readdir } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as keysPOST } from '../../src/app/(portal)/api/api-keys/route'
import { DEMO_PASSWORD, demoStaff } from '../../scripts/demo/demo-workspace'
import { routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'

const SLUG = 'api-key-records'
const APP = path.resolve(import.meta.dirname, '../../src/app')

let payload: Payload
let http: Awaited<ReturnType<typeof payloadHttp>>
let org: TestOrganization
let other: TestOrganization
let keyId: number
let secret: string

/** The first path segment after /api/ of every route file outside Payload's own (payload) group. */
async function portalApiSegments(): Promise<Set<string>> {
  const segments = new Set<string>()
  for (const entry of await readdir(APP, { recursive: true })) {
    const parts = entry.split(path.sep)
    if (parts[0] === '(payload)' || !/^route\.(ts|tsx|js)$/.test(parts.at(-1)!)) continue
    // Route groups, "(portal)", aren't part of the URL.
    const visible = parts.slice(0, -1).filter((part) => !/^\(.*\)$/.test(part))
    const api = visible.indexOf('api')
    if (api >= 0 && visible[api + 1]) segments.add(visible[api + 1]!)
  }
  return segments
}

beforeAll(async () => {
  payload = await testPayload()
  http = await payloadHttp(payload)
  org = await createOrganizationWithEveryRole(payload, 'api-keys-rest')
  other = await createOrganizationWithEveryRole(payload, 'api-keys-rest-other')
  const created = await routeCaller(payload)(keysPOST, org.members.admin, '/api/api-keys', { method: 'POST', body: { name: 'admin REST', scopes: ['usage:read'], environment: 'live' } })
  expect(created.status).toBe(200)
  keyId = created.body.data.key.id
  secret = created.body.data.secret
})

describe('the API-key collection over Payload’s REST (what /admin calls)', () => {
  it('no portal route sits on a collection’s REST path: Next would answer it instead of Payload', async () => {
    const segments = await portalApiSegments()
    expect(segments.has('api-keys'), 'the portal’s /api/api-keys routes are where they were').toBe(true)
    const shadowed = payload.config.collections.map((collection) => collection.slug).filter((slug) => segments.has(slug))
    expect(shadowed).toEqual([])
  })

  it(`staff list and read /api/${SLUG}: the docs, never the hash or the secret`, async () => {
    const token = await http.login('staff', demoStaff.email, DEMO_PASSWORD)
    const list = await http.rest('GET', `${SLUG}?limit=100&depth=0&where[organization][equals]=${org.organization.id}`, token)
    expect(list.status).toBe(200)
    const text = await list.text()
    const body = JSON.parse(text) as { docs: Array<Record<string, unknown>>; totalDocs: number }
    expect(body.docs.map((doc) => doc.id)).toEqual([keyId])
    expect(body.docs[0]).toMatchObject({ name: 'admin REST', environment: 'live', scopes: ['usage:read'] })
    expect(body.docs[0]).not.toHaveProperty('secretHash')
    expect(text).not.toContain(secret)
    expect(text).not.toContain(secret.slice(14))

    const one = await http.rest('GET', `${SLUG}/${keyId}?depth=1`, token)
    expect(one.status).toBe(200)
    expect(await one.json()).toMatchObject({ id: keyId, prefix: secret.slice(0, 14) })
    // Nothing writes through Payload: every change goes through src/api-keys (audit, event, NOTIFY).
    expect((await http.rest('PATCH', `${SLUG}/${keyId}`, token, { name: 'renamed' })).status).toBe(403)
  })

  it('customers: viewer and billing are refused; another organization’s owner finds nothing', async () => {
    for (const role of ['viewer', 'billing'] as const) {
      const token = await http.login('users', org.members[role].email, 'test-password-1')
      expect((await http.rest('GET', `${SLUG}?limit=100`, token)).status, role).toBe(403)
      expect((await http.rest('GET', `${SLUG}/${keyId}`, token)).status, role).toBe(403)
    }
    const outsider = await http.login('users', other.members.owner.email, 'test-password-1')
    expect((await http.rest('GET', `${SLUG}/${keyId}`, outsider)).status).toBe(404)
    const list = (await (await http.rest('GET', `${SLUG}?limit=100`, outsider)).json()) as { docs: Array<{ id: number }> }
    expect(list.docs.map((doc) => doc.id)).not.toContain(keyId)
  })
})
