import type { CollectionSlug, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as invitePOST } from '../../src/app/(portal)/api/team/invitations/route'
import { PUT as preferencesPUT } from '../../src/app/(portal)/api/portal/notifications/preferences/route'
import { DEMO_PASSWORD, demoStaff } from '../../scripts/demo/demo-workspace'
import { ROLES } from '../../src/access/roles'
import { routeCaller } from '../helpers/call-route'
import { runJobsNow } from '../helpers/jobs'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'

/**
 * Payload's own REST and GraphQL, probed from every customer role of organization A at everything
 * organization B owns, in every collection the config has — so a collection added later is probed
 * without anyone listing it. B's documents are those created after A was set up.
 */
let payload: Payload
let http: Awaited<ReturnType<typeof payloadHttp>>
let orgA: TestOrganization
let orgB: TestOrganization
let bSecrets: string[]
const bDocs = new Map<CollectionSlug, Array<{ id: number | string; updatedAt?: string }>>()
const untimed: string[] = []
/** Per collection, the ids to aim at (enough to catch a leak, few enough to stay fast). */
const AIMS_PER_COLLECTION = 3

beforeAll(async () => {
  payload = await testPayload()
  http = await payloadHttp(payload)
  orgA = await createOrganizationWithEveryRole(payload, 'rest-probe-a')
  await runJobsNow(payload)
  const since = new Date().toISOString()
  await new Promise((resolve) => setTimeout(resolve, 10))

  orgB = await createOrganizationWithEveryRole(payload, 'rest-probe-b')
  const call = routeCaller(payload)
  const invitee = `b-invitee-${orgB.organization.id}@b.example`
  expect((await call(invitePOST, orgB.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [invitee], role: 'member' } })).status).toBe(200)
  expect((await call(preferencesPUT, orgB.members.owner, '/api/portal/notifications/preferences', { method: 'PUT', body: { preferences: [{ eventType: 'member.joined', channel: 'email', enabled: false }] } })).status).toBe(200)
  await runJobsNow(payload)
  bSecrets = [orgB.organization.name, invitee, ...Object.values(orgB.members).map((member) => member.email)]

  for (const collection of payload.config.collections) {
    if (collection.slug === 'staff') continue
    // Without timestamps there is no "created after": only Payload's own staff-only stores are like that.
    if (collection.timestamps === false) {
      untimed.push(collection.slug)
      continue
    }
    const { docs } = await payload.find({ collection: collection.slug, where: { createdAt: { greater_than: since } }, depth: 0, limit: AIMS_PER_COLLECTION, overrideAccess: true, sort: '-createdAt' })
    bDocs.set(collection.slug, docs.map((doc) => ({ id: doc.id, updatedAt: (doc as { updatedAt?: string }).updatedAt })))
  }
})

const leaked = (text: string) => bSecrets.filter((secret) => text.includes(secret))

describe('Payload REST from organization A at organization B', () => {
  it('B owns documents in the collections that matter (else the probe proves nothing)', () => {
    expect(untimed.every((slug) => slug.startsWith('payload-')), untimed.join(', ')).toBe(true)
    for (const slug of ['organizations', 'users', 'memberships', 'invitations', 'portal-audit', 'portal-events', 'notification-preferences'] as CollectionSlug[]) {
      expect(bDocs.get(slug)?.length, slug).toBeGreaterThan(0)
    }
  })

  it('no role lists, reads, changes or deletes any of B’s documents in any collection', async () => {
    let probes = 0
    for (const role of ROLES) {
      const token = await http.login('users', orgA.members[role].email, 'test-password-1')
      for (const [slug, docs] of bDocs) {
        const list = await http.rest('GET', `${slug}?limit=200&depth=2`, token)
        expect(list.status, `${role}: GET ${slug}`).toBeLessThan(500)
        const listText = await list.text()
        expect(leaked(listText), `${role}: GET ${slug}`).toEqual([])
        if (list.status === 200) {
          const ids = new Set(((JSON.parse(listText) as { docs?: Array<{ id: unknown }> }).docs ?? []).map((doc) => String(doc.id)))
          for (const doc of docs) expect(ids.has(String(doc.id)), `${role}: GET ${slug} lists B's ${doc.id}`).toBe(false)
        }
        for (const doc of docs) {
          for (const [method, body] of [['GET', undefined], ['PATCH', { name: 'probe' }], ['DELETE', undefined]] as const) {
            const response = await http.rest(method, `${slug}/${doc.id}?depth=2`, token, body)
            probes++
            expect(response.status, `${role}: ${method} ${slug}/${doc.id}`).toBeGreaterThanOrEqual(400)
            expect(response.status, `${role}: ${method} ${slug}/${doc.id}`).toBeLessThan(500)
            expect(leaked(await response.text()), `${role}: ${method} ${slug}/${doc.id}`).toEqual([])
          }
        }
      }
    }
    expect(probes).toBeGreaterThan(ROLES.length * 10)
    // Nothing of B's changed or went away.
    for (const [slug, docs] of bDocs) {
      for (const doc of docs) {
        const now = await payload.findByID({ collection: slug, id: doc.id, depth: 0, overrideAccess: true, disableErrors: true })
        expect(now, `${slug}/${doc.id} still exists`).toBeTruthy()
        expect((now as { updatedAt?: string }).updatedAt, `${slug}/${doc.id} unchanged`).toBe(doc.updatedAt)
      }
    }
  }, 240_000)

  it('GraphQL lists of every collection hold none of B’s documents for any role', async () => {
    const staffToken = await http.login('staff', demoStaff.email, DEMO_PASSWORD)
    const { data } = (await http.graphql('{ __schema { queryType { fields { name } } } }', staffToken)) as { data: { __schema: { queryType: { fields: Array<{ name: string }> } } } }
    const queryNames = new Set(data.__schema.queryType.fields.map((field) => field.name))
    // Payload names list queries by the plural of the slug in PascalCase (Organizations, PortalAudits, allStaff).
    const listQuery = (slug: CollectionSlug) => {
      const pascal = slug.replace(/(^|-)(\w)/g, (_, _dash, letter: string) => letter.toUpperCase())
      return [pascal, `${pascal}s`, pascal.replace(/y$/, 'ies'), `all${pascal}`].find((name) => name !== pascal && queryNames.has(name)) ?? (slug.endsWith('s') && queryNames.has(pascal) ? pascal : null)
    }
    const queried = [...bDocs.keys()].map(listQuery).filter(Boolean)
    expect(queried.length).toBeGreaterThanOrEqual(5)
    for (const role of ROLES) {
      const token = await http.login('users', orgA.members[role].email, 'test-password-1')
      for (const [slug, docs] of bDocs) {
        const name = listQuery(slug)
        if (!name) continue
        const result = await http.graphql(`{ ${name}(limit: 200) { docs { id } } }`, token)
        const ids = new Set(((result.data as Record<string, { docs: Array<{ id: unknown }> } | null> | undefined)?.[name]?.docs ?? []).map((doc) => String(doc.id)))
        for (const doc of docs) expect(ids.has(String(doc.id)), `${role}: GraphQL ${name} lists B's ${doc.id}`).toBe(false)
      }
    }
  }, 120_000)
})
