import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PUT as detailsPUT } from '../../src/app/(portal)/api/billing/details/route'
import { POST as offlinePaymentPOST } from '../../src/app/(portal)/api/billing/invoices/[id]/offline-payments/route'
import { POST as portalSessionPOST } from '../../src/app/(portal)/api/billing/portal-session/route'
import { POST as refreshPOST } from '../../src/app/(portal)/api/billing/refresh/route'
import { routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { PORTAL_API_ROOT, portalRouteFiles, startConfiguredStripe } from '../helpers/portal-routes'

/** Contract customers (billingMode `contract`): every billing write route refuses, before Stripe. */
let payload: Payload
let call: ReturnType<typeof routeCaller>
let org: TestOrganization
let stripe: Awaited<ReturnType<typeof startConfiguredStripe>>

const details = { billingName: 'Contract GmbH', billingEmail: 'ap@contract-gmbh.test', address: { line1: 'Friedrichstraße 1', line2: '', city: 'Berlin', postalCode: '10117', state: '', country: 'DE' }, taxIds: [] }

/** Every billing write route and a valid body for it: a new one must be added here (the first test checks). */
const BILLING_WRITES = {
  'billing/details/route.ts': { handler: detailsPUT, method: 'PUT', body: details },
  'billing/portal-session/route.ts': { handler: portalSessionPOST, method: 'POST', body: {} },
  'billing/refresh/route.ts': { handler: refreshPOST, method: 'POST', body: {} },
  'billing/invoices/[id]/offline-payments/route.ts': { handler: offlinePaymentPOST, method: 'POST', body: { paidOn: '2026-01-15', amount: '10.00', reference: 'WIRE-1' } },
} as const

beforeAll(async () => {
  stripe = await startConfiguredStripe()
  payload = await testPayload()
  call = routeCaller(payload)
  org = await createOrganizationWithEveryRole(payload, 'contract')
  await payload.update({ collection: 'organizations', id: org.organization.id, data: { billingMode: 'contract', contract: { terms: 'Enterprise, invoiced annually', accountManagerName: 'Alex' } } })
})

afterAll(async () => {
  await stripe?.stop()
})

describe('contract customers', () => {
  it('every billing route that writes is in the list below', async () => {
    const writes = []
    for (const file of (await portalRouteFiles()).filter((file) => file.startsWith('billing/'))) {
      const source = await readFile(path.join(PORTAL_API_ROOT, file), 'utf8')
      if (/export const (POST|PUT|PATCH|DELETE)\b/.test(source)) writes.push(file)
    }
    expect(writes.sort()).toEqual(Object.keys(BILLING_WRITES).sort())
  })

  it('each billing write answers 403 contract_managed for every role allowed to bill, and nothing reaches Stripe', async () => {
    const before = await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })
    const stripeEvents = stripe.emulator.events().length
    for (const role of ['owner', 'admin', 'billing'] as const) {
      for (const [file, { handler, method, body }] of Object.entries(BILLING_WRITES)) {
        const result = await call(handler, org.members[role], `/api/${file}`, { method, body })
        expect(result.status, `${role}: ${method} ${file}`).toBe(403)
        expect(result.body.error?.code, `${role}: ${method} ${file}`).toBe('contract_managed')
        expect(result.body.error?.message).toMatch(/contract/)
      }
    }
    const after = await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })
    expect(after.stripeCustomerId ?? null).toBe(before.stripeCustomerId ?? null)
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(stripe.emulator.events().length).toBe(stripeEvents)
  })

  it('a self-serve organization is not refused by the same routes', async () => {
    const other = await createOrganizationWithEveryRole(payload, 'contract-control')
    expect((await call(portalSessionPOST, other.members.owner, '/api/billing/portal-session', { method: 'POST', body: {} })).status).toBe(200)
  })

  it('customers cannot switch themselves out of contract billing or edit the terms', async () => {
    const asOwner = { ...org.members.owner, collection: 'users' as const }
    await payload.update({ collection: 'organizations', id: org.organization.id, data: { billingMode: 'stripe', contract: { terms: 'free forever' } }, user: asOwner, overrideAccess: false }).catch(() => null)
    expect(await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })).toMatchObject({ billingMode: 'contract', contract: { terms: 'Enterprise, invoiced annually' } })
  })
})
