import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROLES } from '../../src/access/roles'
import { createStripeClient } from '../../src/billing/stripe'
import { type RouteHandler, routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { PORTAL_API_ROOT, portalRouteFiles, startConfiguredStripe } from '../helpers/portal-routes'

/**
 * Every portal JSON route, found on disk, called by every role of organization A aimed at
 * organization B's objects (B's membership and invitation ids, B's organization id): the answer is
 * a refusal or A's own data — never a byte of B's (its name, its members' emails, its ids' rows).
 * A route with no entry below fails the suite, so a new route is probed from the day it lands.
 */
type Aim = { method: string; body?: unknown; params?: Record<string, string>; query?: string }
type Targets = { membershipId: number; invitationId: number; apiKeyId: number; organizationId: number; organizationName: string; invoiceId: string }

/** How each route is aimed at B. Routes that take no ids are still called: they must answer about A. */
const PROBES: Record<string, (b: Targets) => Aim[]> = {
  'account/usage/alerts/route.ts': () => [{ method: 'GET', query: 'metric=api_calls' }, { method: 'PUT', body: { metric: 'api_calls', monthlyBudget: '500', percentThresholds: [80], quantityThresholds: [] } }],
  'account/usage/export.csv/route.ts': () => [{ method: 'GET', query: 'from=2026-01-01&to=2026-12-31&granularity=raw' }],
  'account/usage/route.ts': () => [{ method: 'GET' }],
  'api-keys/[id]/rotate/route.ts': (b) => [{ method: 'POST', params: { id: String(b.apiKeyId) }, body: { overlap: 'now' } }],
  'api-keys/[id]/route.ts': (b) => [{ method: 'DELETE', params: { id: String(b.apiKeyId) } }],
  'api-keys/policy/route.ts': () => [{ method: 'PUT', body: { maxLifetimeDays: 30 } }],
  'api-keys/route.ts': () => [{ method: 'GET' }, { method: 'POST', body: { name: 'probe', scopes: ['usage:read'], environment: 'test', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } }],
  'billing/invoices/[id]/pdf/route.ts': (b) => [{ method: 'GET', params: { id: b.invoiceId } }],
  'billing/invoices/[id]/offline-payments/route.ts': (b) => [{ method: 'POST', params: { id: b.invoiceId }, body: { paidOn: '2026-01-15', amount: '10.00', reference: 'probe' } }],
  'billing/invoices/archive.zip/route.ts': () => [{ method: 'GET', query: 'from=2000-01-01&to=2099-12-31' }],
  'billing/invoices/route.ts': (b) => [{ method: 'GET' }, { method: 'GET', query: `cursor=${b.invoiceId}` }],
  'billing/details/route.ts': () => [{ method: 'PUT', body: { billingName: 'probe', billingEmail: 'probe@a.example', address: {}, taxIds: [] } }],
  'billing/portal-session/route.ts': () => [{ method: 'POST', body: {} }],
  'billing/refresh/route.ts': () => [{ method: 'POST', body: {} }],
  'feedback/route.ts': () => [{ method: 'POST', body: { type: 'idea', section: 'account', message: 'probe' } }],
  'help/articles/[key]/feedback/route.ts': () => [{ method: 'POST', params: { key: '1' }, body: { helpful: false, reason: 'probe', path: '/account' } }],
  'help/articles/[key]/route.ts': () => [{ method: 'GET', params: { key: 'what-api-keys-are-for' } }],
  'help/articles/route.ts': () => [{ method: 'GET', query: 'path=/account/billing' }],
  'help/events/route.ts': () => [{ method: 'POST', body: { kind: 'opened', path: '/account' } }],
  'help/search/route.ts': () => [{ method: 'GET', query: 'q=invoice' }],
  'portal/account/email/route.ts': () => [{ method: 'POST', body: { newEmail: 'probe@a.example', password: 'wrong' } }],
  'portal/account/organization-two-factor/route.ts': () => [{ method: 'PUT', body: { required: false } }],
  'portal/account/password/route.ts': () => [{ method: 'POST', body: { currentPassword: 'wrong', newPassword: 'x' } }],
  'portal/account/profile/route.ts': () => [{ method: 'PATCH', body: { name: 'Probe', locale: 'en-US', timeZone: 'UTC' } }],
  'portal/account/sessions/route.ts': () => [{ method: 'GET' }, { method: 'POST', body: { sid: 'not-a-session-of-b' } }],
  'portal/account/two-factor/disable/route.ts': () => [{ method: 'POST', body: { code: '000000' } }],
  'portal/account/two-factor/enable/route.ts': () => [{ method: 'POST', body: { code: '000000' } }],
  'portal/account/two-factor/recovery-codes/route.ts': () => [{ method: 'POST', body: { code: '000000' } }],
  'portal/account/two-factor/setup/route.ts': () => [{ method: 'POST', body: {} }],
  'portal/activity/route.ts': (b) => [{ method: 'GET' }, { method: 'GET', query: `member=${b.membershipId}` }],
  'portal/notifications/preferences/route.ts': () => [{ method: 'PUT', body: { preferences: [{ eventType: 'member.invited', channel: 'email', enabled: true }] } }],
  'portal/notifications/read/route.ts': (b) => [{ method: 'POST', body: { ids: [b.membershipId, b.invitationId] } }],
  'portal/notifications/route.ts': () => [{ method: 'GET' }],
  'team/invitations/[id]/resend/route.ts': (b) => [{ method: 'POST', params: { id: String(b.invitationId) } }],
  'team/invitations/[id]/route.ts': (b) => [{ method: 'DELETE', params: { id: String(b.invitationId) } }],
  'team/invitations/route.ts': () => [{ method: 'POST', body: { emails: ['probe-invitee@a.example'], role: 'viewer' } }],
  'team/leave/route.ts': () => [{ method: 'POST' }],
  'team/members/[memberId]/route.ts': (b) => [{ method: 'DELETE', params: { memberId: String(b.membershipId) } }],
  'team/members/route.ts': (b) => [{ method: 'GET' }, { method: 'PATCH', body: { memberId: b.membershipId, newRole: 'viewer' } }],
  'team/transfer-ownership/route.ts': (b) => [{ method: 'POST', body: { memberId: b.membershipId, confirm: b.organizationName } }],
}

let payload: Payload
let stripe: Awaited<ReturnType<typeof startConfiguredStripe>>
let orgA: TestOrganization
let orgB: TestOrganization
let b: Targets
let call: ReturnType<typeof routeCaller>

beforeAll(async () => {
  stripe = await startConfiguredStripe()
  payload = await testPayload()
  orgA = await createOrganizationWithEveryRole(payload, 'probe-a')
  orgB = await createOrganizationWithEveryRole(payload, 'probe-b')
  const membership = (await payload.find({ collection: 'memberships', where: { user: { equals: orgB.members.member.id } }, depth: 0, limit: 1 })).docs[0]!
  const invitation = await payload.create({
    collection: 'invitations',
    data: { organization: orgB.organization.id, email: `b-invitee-${orgB.organization.id}@b.example`, role: 'viewer', tokenHash: 'x'.repeat(64), expiresAt: new Date(Date.now() + 86_400_000).toISOString(), invitedBy: orgB.members.owner.id, status: 'pending' },
  })
  const apiKey = await payload.create({
    collection: 'api-key-records',
    data: { organization: orgB.organization.id, name: `b-key-${orgB.organization.id}`, prefix: 'pk_test_bbbbbb', secretHash: 'b'.repeat(64), scopes: ['usage:read'], environment: 'test', createdBy: orgB.members.owner.id },
  })
  // B is billed in Stripe: one finalized invoice whose PDF carries B's name.
  const stripeClient = createStripeClient()
  const customer = await stripeClient.customers.create({ name: orgB.organization.name, metadata: { organizationId: String(orgB.organization.id) } })
  const draft = await stripeClient.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 30 })
  await stripeClient.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 1_000, currency: 'usd', description: 'Probe' })
  const invoice = await stripeClient.invoices.finalizeInvoice(draft.id)
  await payload.update({ collection: 'organizations', id: orgB.organization.id, data: { stripeCustomerId: customer.id }, overrideAccess: true })
  b = { membershipId: membership.id, invitationId: invitation.id, apiKeyId: apiKey.id, organizationId: orgB.organization.id, organizationName: orgB.organization.name, invoiceId: invoice.id }
  call = routeCaller(payload)
})
afterAll(async () => {
  await stripe?.stop()
})

describe('cross-tenant probe, generated from the route list', () => {
  it('every portal JSON route has a probe entry', async () => {
    expect((await portalRouteFiles()).filter((file) => !PROBES[file])).toEqual([])
  })

  it('no role of organization A reaches organization B’s data through any portal route', async () => {
    const bSecrets = [orgB.organization.name, ...Object.values(orgB.members).map((member) => member.email), `b-invitee-${orgB.organization.id}@b.example`, `b-key-${orgB.organization.id}`]
    const membershipBefore = await payload.findByID({ collection: 'memberships', id: b.membershipId, depth: 0 })
    let probes = 0
    // Leaving goes last: after it, A's members would no longer be in A for the other probes.
    const files = (await portalRouteFiles()).sort((x, y) => Number(x === 'team/leave/route.ts') - Number(y === 'team/leave/route.ts'))
    for (const file of files) {
      const module = (await import(path.join(PORTAL_API_ROOT, file))) as Record<string, RouteHandler>
      for (const role of ROLES) {
        for (const aim of PROBES[file]!(b)) {
          const handler = module[aim.method]
          expect(handler, `${aim.method} ${file}`).toBeTypeOf('function')
          const result = await call(handler!, orgA.members[role], `/api/${file}${aim.query ? `?${aim.query}` : ''}`, { method: aim.method, body: aim.body, params: aim.params })
          probes++
          expect(result.status, `${role}: ${aim.method} ${file}`).toBeLessThan(500)
          const text = JSON.stringify(result.body)
          for (const secret of bSecrets) expect(text, `${role}: ${aim.method} ${file} leaked ${secret}`).not.toContain(secret)
        }
      }
    }
    expect(probes).toBeGreaterThanOrEqual(ROLES.length * Object.keys(PROBES).length)
    // B's objects are as they were: no write crossed over.
    expect(await payload.findByID({ collection: 'memberships', id: b.membershipId, depth: 0 })).toMatchObject({ role: membershipBefore.role, organization: membershipBefore.organization })
    expect((await payload.findByID({ collection: 'invitations', id: b.invitationId, depth: 0 })).status).toBe('pending')
    expect(await payload.findByID({ collection: 'api-key-records', id: b.apiKeyId, depth: 0 })).toMatchObject({ revokedAt: null, expiresAt: null })
    expect((await payload.find({ collection: 'api-key-records', where: { rotatedFrom: { equals: b.apiKeyId } }, depth: 0 })).totalDocs).toBe(0)
    const owners = await payload.find({ collection: 'memberships', where: { organization: { equals: b.organizationId }, role: { equals: 'owner' } }, depth: 0 })
    expect(owners.docs.map((row) => Number(row.user))).toEqual([orgB.members.owner.id])
  }, 240_000)
})
