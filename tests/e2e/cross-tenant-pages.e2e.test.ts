import { randomUUID } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import path from 'node:path'

import { beforeAll, describe, expect, inject, it } from 'vitest'

import { ROLES } from '../../src/access/roles'
import { ORGANIZATION_COOKIE } from '../../src/auth/portal-session'
import { createStripeClient, stripeTarget } from '../../src/billing/stripe'
import { baseUrl } from '../helpers/browser'
import { customerToken, portalCall } from '../helpers/portal-http'
import { staffApi, staffToken } from '../helpers/staff-api'

/**
 * Every server-rendered /account page, found on disk, requested by every role of organization A
 * (the demo's Demo Co) with organization B's (Other Inc's) ids in its path and query, and with the
 * organization switcher's cookie pointing at B: the answer is A's own page, a 403 or a 404 — never
 * a 5xx, and never a byte of B's data (its name, its people, its invoice numbers, its keys) in the
 * HTML. A page with no entry below fails the suite, so a new page is probed from the day it lands.
 */
const ACCOUNT_ROOT = path.resolve(import.meta.dirname, '../../src/app/(portal)/account')

type Targets = { organizationId: number; membershipId: number; invitationId: number; apiKeyId: number; invoiceId: string }

/** The URLs each page is asked for, aimed at B. Pages that take no ids are still asked: they must answer about A. */
const PAGE_PROBES: Record<string, (b: Targets) => string[]> = {
  'page.tsx': (b) => ['/account', `/account?organization=${b.organizationId}`, `/account?org=${b.organizationId}`],
  '[...missing]/page.tsx': (b) => [`/account/invoices/${b.invoiceId}`, `/account/team/${b.membershipId}`, `/account/api-keys/${b.apiKeyId}`, `/account/team/invitations/${b.invitationId}`],
  'activity/page.tsx': (b) => ['/account/activity', `/account/activity?member=${b.membershipId}`, '/account/activity?type=member.invited', `/account/activity?member=${b.invitationId}&limit=100`],
  'api-keys/page.tsx': (b) => ['/account/api-keys', `/account/api-keys?id=${b.apiKeyId}`, `/account/api-keys?key=${b.apiKeyId}`],
  'billing/page.tsx': (b) => ['/account/billing', '/account/billing?returned=portal', `/account/billing?organization=${b.organizationId}`],
  'invoices/page.tsx': (b) => ['/account/invoices', '/account/invoices?status=paid&from=2000-01-01&to=2099-12-31', `/account/invoices?cursor=${b.invoiceId}`, `/account/invoices?invoice=${b.invoiceId}`],
  'notifications/page.tsx': () => ['/account/notifications'],
  'team/page.tsx': (b) => ['/account/team', `/account/team?member=${b.membershipId}`, `/account/team?invitation=${b.invitationId}`],
  'two-factor/page.tsx': () => ['/account/two-factor'],
  'usage/page.tsx': (b) => ['/account/usage', '/account/usage?metric=api_calls&period=2000-01', `/account/usage?organization=${b.organizationId}`],
}

/** Every page.tsx under /account, outside private `_folders`, relative to it. */
async function accountPageFiles(): Promise<string[]> {
  const files = await readdir(ACCOUNT_ROOT, { recursive: true })
  return files.filter((file) => file.endsWith('page.tsx') && !file.split(path.sep).some((part) => part.startsWith('_'))).map((file) => file.split(path.sep).join('/')).sort()
}

const A_NAME = 'Demo Co'
const B_OWNER = 'owner@other.test'
let b: Targets
let bSecrets: string[]
const tokens = new Map<string, string>()

beforeAll(async () => {
  const staff = await staffToken()
  const organizations = await staffApi<{ docs: Array<{ id: number; name: string; stripeCustomerId?: string | null }> }>(`/api/organizations?where[name][in]=${encodeURIComponent(`${A_NAME},Other Inc`)}&depth=0&limit=10`, { token: staff })
  const orgB = organizations.docs.find((doc) => doc.name === 'Other Inc')!
  expect(organizations.docs.find((doc) => doc.name === A_NAME), 'the demo’s Demo Co').toBeTruthy()
  expect(orgB?.stripeCustomerId, 'Other Inc is billed in Stripe').toBeTruthy()

  // B gets an API key and a pending invitation of its own, made as its owner would.
  const tag = randomUUID().slice(0, 8)
  const bOwnerToken = await customerToken(baseUrl(), B_OWNER, 'portico-demo')
  const keyName = `b-probe-key-${tag}`
  const invitee = `b-invitee-${tag}@other.test`
  expect((await portalCall(baseUrl(), '/api/api-keys', bOwnerToken, { method: 'POST', body: { name: keyName, scopes: ['usage:read'], environment: 'test', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } })).status).toBe(200)
  expect((await portalCall(baseUrl(), '/api/team/invitations', bOwnerToken, { method: 'POST', body: { emails: [invitee], role: 'viewer' } })).status).toBe(200)

  const memberships = await staffApi<{ docs: Array<{ id: number; user: { email: string; name?: string | null } }> }>(`/api/memberships?where[organization][equals]=${orgB.id}&depth=1&limit=50`, { token: staff })
  const invitations = await staffApi<{ docs: Array<{ id: number }> }>(`/api/invitations?where[email][equals]=${encodeURIComponent(invitee)}&depth=0`, { token: staff })
  const keys = await staffApi<{ docs: Array<{ id: number; prefix: string }> }>(`/api/api-key-records?where[name][equals]=${keyName}&depth=0`, { token: staff })
  const stripe = createStripeClient(stripeTarget({ STRIPE_EMULATOR_URL: inject('stripeEmulatorUrl') }))
  const invoices = (await stripe.invoices.list({ customer: orgB.stripeCustomerId!, limit: 100 })).data
  expect(invoices.length, 'Other Inc has invoices').toBeGreaterThan(0)
  b = { organizationId: orgB.id, membershipId: memberships.docs[0]!.id, invitationId: invitations.docs[0]!.id, apiKeyId: keys.docs[0]!.id, invoiceId: invoices[0]!.id }
  bSecrets = [
    'Other Inc',
    orgB.stripeCustomerId!,
    invitee,
    keyName,
    keys.docs[0]!.prefix,
    ...memberships.docs.flatMap((membership) => [membership.user.email, membership.user.name ?? '']),
    ...invoices.flatMap((invoice) => [invoice.id, invoice.number ?? '']),
  ].filter((secret) => secret.length >= 6)

  for (const role of ROLES) tokens.set(role, await customerToken(baseUrl(), `${role}@demo.test`, 'portico-demo'))
}, 120_000)

/**
 * A page as the browser of `role` asks for it: the session cookie (optionally the switcher's too)
 * and the Sec-Fetch-Site a same-site link sends — without it Payload takes a cookie for a
 * non-browser client's and ignores it (its CSRF rule).
 */
async function getPage(role: string, url: string, organizationCookie?: number) {
  const cookie = [`payload-token=${tokens.get(role)}`, ...(organizationCookie ? [`${ORGANIZATION_COOKIE}=${organizationCookie}`] : [])].join('; ')
  const response = await fetch(`${baseUrl()}${url}`, { headers: { cookie, 'Sec-Fetch-Site': 'same-origin' }, redirect: 'manual' })
  return { status: response.status, location: response.headers.get('location'), html: await response.text() }
}

describe('cross-tenant probe over the server-rendered /account pages', () => {
  it('every /account page has a probe entry', async () => {
    expect((await accountPageFiles()).filter((file) => !PAGE_PROBES[file])).toEqual([])
  })

  it('the probe is signed in: every role of A gets A’s own /account, even with the switcher cookie naming B', async () => {
    for (const role of ROLES) {
      for (const organizationCookie of [undefined, b.organizationId]) {
        const page = await getPage(role, '/account', organizationCookie)
        expect(page.status, `${role} ${organizationCookie ?? ''}`).toBe(200)
        expect(page.html, role).toContain(A_NAME)
      }
    }
  })

  it('no role of A sees a byte of B’s data on any page, whatever id or cookie it is given', async () => {
    let probes = 0
    const seen: string[] = []
    for (const file of await accountPageFiles()) {
      for (const url of PAGE_PROBES[file]!(b)) {
        for (const role of ROLES) {
          for (const organizationCookie of [undefined, b.organizationId]) {
            const page = await getPage(role, url, organizationCookie)
            probes++
            const label = `${role} GET ${url}${organizationCookie ? ` (${ORGANIZATION_COOKIE}=B)` : ''}`
            expect(page.status, label).toBeLessThan(500)
            // A redirect stays on this site and never goes to the sign-in (the session is A's, and valid).
            if (page.status >= 300 && page.status < 400) expect(page.location ?? '', label).not.toMatch(/^(https?:)?\/\/(?!localhost|127\.0\.0\.1)|\/sign-in/)
            // An id the URL itself carries may be echoed back (the 404 page, the help drawer's path): that is the caller's input, not B's data.
            for (const secret of bSecrets.filter((secret) => !decodeURIComponent(url).includes(secret))) expect(page.html.includes(secret), `${label} shows B’s ${secret}`).toBe(false)
            seen.push(`${page.status} ${label}`)
          }
        }
      }
    }
    expect(probes).toBeGreaterThanOrEqual(Object.keys(PAGE_PROBES).length * ROLES.length * 2)
    console.log(`cross-tenant pages: ${probes} probes (${Object.keys(PAGE_PROBES).length} pages × ${ROLES.length} roles × ids/cookies); statuses: ${JSON.stringify(Object.fromEntries([...seen.reduce((counts, line) => counts.set(line.split(' ')[0]!, (counts.get(line.split(' ')[0]!) ?? 0) + 1), new Map<string, number>())]))}`)
  }, 600_000)
})
