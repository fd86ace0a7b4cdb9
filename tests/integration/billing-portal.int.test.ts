import type { Payload } from 'payload'
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PUT as detailsPUT } from '../../src/app/(portal)/api/billing/details/route'
import { POST as portalSessionPOST } from '../../src/app/(portal)/api/billing/portal-session/route'
import { POST as refreshPOST } from '../../src/app/(portal)/api/billing/refresh/route'
import { customerIdempotencyKey } from '../../src/billing/customer-sync/ensure-stripe-customer'
import type { StripeEmulator } from '../../emulator/stripe'
import { ORGANIZATION_COOKIE } from '../../src/auth/portal-session'
import type { User } from '../../src/payload-types'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { runJobsNow } from '../helpers/jobs'
import { startStripeForApp } from '../helpers/stripe'

let payload: Payload
let emulator: StripeEmulator
let stripe: Stripe
let org: TestOrganization
let other: TestOrganization

async function call(handler: (request: Request) => Promise<Response>, user: User, method: string, body: unknown, organizationId = org.organization.id) {
  const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: 'test-password-1' } })
  const headers = new Headers({ Authorization: `JWT ${token}`, 'Content-Type': 'application/json', Cookie: `${ORGANIZATION_COOKIE}=${organizationId}` })
  const response = await handler(new Request('http://localhost/api/billing', { method, headers, body: JSON.stringify(body) }))
  return { status: response.status, body: await response.json() }
}

const details = {
  billingName: 'Acme GmbH',
  billingEmail: 'invoices@acme.test',
  address: { line1: 'Friedrichstraße 1', line2: '', city: 'Berlin', postalCode: '10117', state: '', country: 'de' },
  taxIds: [{ type: 'eu_vat', value: 'DE 136695976' }],
}

beforeAll(async () => {
  ;({ emulator, stripe } = await startStripeForApp())
  process.env.PORTAL_URL = 'http://portal.test'
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'billing')
  other = await createOrganizationWithEveryRole(payload, 'billing-other')
  const configuration = await stripe.billingPortal.configurations.create({
    features: { payment_method_update: { enabled: true }, subscription_update: { enabled: false }, subscription_cancel: { enabled: false } },
  } as Stripe.BillingPortal.ConfigurationCreateParams)
  process.env.STRIPE_PORTAL_CONFIG_ID = configuration.id
})

afterAll(async () => {
  delete process.env.PORTAL_URL
  delete process.env.STRIPE_PORTAL_CONFIG_ID
  await runJobsNow(payload)
  await emulator?.stop()
})

describe('POST /api/billing/portal-session', () => {
  it.each(['viewer', 'member'] as const)('is forbidden to a %s, and creates nothing in Stripe', async (role) => {
    const response = await call(portalSessionPOST, org.members[role], 'POST', { flow: 'payment_method_update' })
    expect(response.status).toBe(403)
    expect(response.body.error.code).toBe('forbidden')
    expect(emulator.events('customer.created')).toHaveLength(0)
  })

  it('gives the billing role a portal URL: lazily created customer, pinned configuration, return to /account/billing', async () => {
    const response = await call(portalSessionPOST, org.members.billing, 'POST', { flow: 'payment_method_update' })
    expect(response.status).toBe(200)
    const url = new URL(response.body.data.url)
    expect(url.origin).toBe(emulator.url)
    const session = emulator.get(url.pathname.split('/').pop()!)!
    expect(session).toMatchObject({
      configuration: process.env.STRIPE_PORTAL_CONFIG_ID,
      return_url: 'http://portal.test/account/billing?returned=portal',
      flow: { type: 'payment_method_update', after_completion: { type: 'redirect', redirect: { return_url: 'http://portal.test/account/billing?returned=portal' } } },
    })
    const stored = await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })
    expect(stored.stripeCustomerId).toBe(session.customer)
    expect(emulator.get(session.customer)).toMatchObject({ metadata: { organizationId: String(org.organization.id) } })

    // The second session reuses the customer (one idempotency key per organization).
    await call(portalSessionPOST, org.members.owner, 'POST', {})
    expect(emulator.events('customer.created')).toHaveLength(1)
    expect(customerIdempotencyKey(org.organization.id)).toBe(`org-${org.organization.id}-customer`)
  })

  it('refuses a subscription flow when there is no subscription, and an unknown flow', async () => {
    expect((await call(portalSessionPOST, org.members.admin, 'POST', { flow: 'subscription_update' })).status).toBe(409)
    const unknown = await call(portalSessionPOST, org.members.admin, 'POST', { flow: 'delete_everything' })
    expect(unknown.status).toBe(422)
    expect(Object.keys(unknown.body.error.fields)).toEqual(['flow'])
  })
})

describe('PUT /api/billing/details', () => {
  it('saves to Stripe, mirrors the organization, and audits the change with its event', async () => {
    const response = await call(detailsPUT, org.members.billing, 'PUT', details)
    expect(response.status).toBe(200)
    const stored = await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })
    const customer = (await stripe.customers.retrieve(stored.stripeCustomerId!)) as Stripe.Customer
    expect(customer).toMatchObject({ name: 'Acme GmbH', email: 'invoices@acme.test', address: { line1: 'Friedrichstraße 1', city: 'Berlin', postal_code: '10117', country: 'DE' } })
    const taxIds = await stripe.customers.listTaxIds(customer.id)
    expect(taxIds.data.map((taxId) => taxId.value)).toEqual(['DE136695976'])
    expect(stored).toMatchObject({ billingName: 'Acme GmbH', billingEmail: 'invoices@acme.test', address: { country: 'DE', city: 'Berlin' } })
    expect(stored.taxIds?.map(({ type, value, stripeId }) => ({ type, value, stripeId }))).toEqual([{ type: 'eu_vat', value: 'DE136695976', stripeId: taxIds.data[0].id }])
    const audit = await payload.find({ collection: 'portal-audit', where: { organization: { equals: org.organization.id }, action: { equals: 'organization.billing_details_changed' } }, depth: 0 })
    expect(audit.docs[0]).toMatchObject({ actorKind: 'customer', actorUser: org.members.billing.id })
    const events = await payload.find({ collection: 'portal-events', where: { organization: { equals: org.organization.id }, type: { equals: 'organization.billing_email_changed' } }, depth: 0 })
    expect(events.totalDocs).toBe(1)
  })

  it('answers bad input with field errors and writes nothing', async () => {
    const eventsBefore = emulator.events().length
    const response = await call(detailsPUT, org.members.owner, 'PUT', { ...details, billingName: ' ', billingEmail: 'nope', address: { ...details.address, country: 'Germany' }, taxIds: [{ type: 'xx_vat', value: '' }] })
    expect(response.status).toBe(422)
    expect(Object.keys(response.body.error.fields).sort()).toEqual(['address.country', 'billingEmail', 'billingName', 'taxIds.0.type', 'taxIds.0.value'])
    expect(emulator.events().length).toBe(eventsBefore)
  })

  it('puts a tax ID that fails its country’s rules on its field, and leaves Stripe and the organization as they were', async () => {
    const before = await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })
    const response = await call(detailsPUT, org.members.owner, 'PUT', { ...details, billingName: 'Changed', taxIds: [{ type: 'eu_vat', value: 'DE136695976' }, { type: 'eu_vat', value: 'ZZ123' }] })
    expect(response.status).toBe(422)
    expect(response.body.error.fields).toEqual({ 'taxIds.1.value': 'A German VAT number is DE followed by 9 digits, e.g. DE136695976.' })
    const taxIds = await stripe.customers.listTaxIds(before.stripeCustomerId!)
    expect(taxIds.data.map((taxId) => taxId.value)).toEqual(['DE136695976'])
    expect((await stripe.customers.retrieve(before.stripeCustomerId!) as Stripe.Customer).name).toBe('Acme GmbH')
    expect(await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })).toEqual(before)
  })

  it('is forbidden to a member, and can only reach the caller’s own organization', async () => {
    expect((await call(detailsPUT, org.members.member, 'PUT', details)).status).toBe(403)
    // The organization cookie names another tenant: the session falls back to the caller's own, never the other one.
    await call(detailsPUT, org.members.billing, 'PUT', { ...details, billingName: 'Acme Cross Check' }, other.organization.id)
    const untouched = await payload.findByID({ collection: 'organizations', id: other.organization.id, depth: 0 })
    expect(untouched.stripeCustomerId ?? null).toBeNull()
    expect(untouched.billingName ?? null).toBeNull()
  })
})

describe('POST /api/billing/refresh (back from the portal)', () => {
  it('reads a card changed in Stripe at once, audited like the webhook; a second call changes nothing; a viewer is refused', async () => {
    // The customer exists from the portal-session tests above; no webhook reaches the app in this file.
    const { stripeCustomerId } = await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })
    const card = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: stripeCustomerId! })
    await stripe.customers.update(stripeCustomerId!, { invoice_settings: { default_payment_method: card.id } })
    expect((await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })).paymentMethod?.last4 ?? null).not.toBe('4444')

    expect((await call(refreshPOST, org.members.viewer, 'POST', {})).status).toBe(403)
    const refreshed = await call(refreshPOST, org.members.billing, 'POST', {})
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.data.changed).toContain('paymentMethod')
    expect((await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })).paymentMethod).toMatchObject({ stripeId: card.id, brand: 'mastercard', last4: '4444' })
    const audit = await payload.find({ collection: 'portal-audit', where: { organization: { equals: org.organization.id }, action: { equals: 'billing.payment_method_changed' } }, depth: 0 })
    expect(audit.totalDocs).toBe(1)

    expect((await call(refreshPOST, org.members.billing, 'POST', {})).body.data.changed).toEqual([])
    expect((await payload.find({ collection: 'portal-audit', where: { organization: { equals: org.organization.id }, action: { equals: 'billing.payment_method_changed' } }, depth: 0 })).totalDocs).toBe(1)
  })
})
