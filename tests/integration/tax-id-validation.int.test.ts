/**
 * Tax IDs end to end: a bad one is refused by PUT /api/billing/details before anything is written
 * (database or Stripe), a good one is saved in Stripe's format with Stripe's verification status,
 * and `customer.tax_id.updated` brings a later verification result into the organization.
 */
import type { Payload } from 'payload'
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../emulator/stripe'
import { PUT as detailsPUT } from '../../src/app/(portal)/api/billing/details/route'
import { ORGANIZATION_COOKIE } from '../../src/auth/portal-session'
import { processStripeEvent } from '../../src/billing/webhooks/process-stripe-event'
import type { User } from '../../src/payload-types'
import { runJobsNow } from '../helpers/jobs'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { deliverWebhook, ledgerRows, startStripeForApp } from '../helpers/stripe'

let payload: Payload
let emulator: StripeEmulator
let stripe: Stripe

async function putDetails(user: User, organizationId: number, body: unknown, forwardedFor: string) {
  const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: 'test-password-1' } })
  const headers = new Headers({ Authorization: `JWT ${token}`, 'Content-Type': 'application/json', Cookie: `${ORGANIZATION_COOKIE}=${organizationId}`, 'x-forwarded-for': forwardedFor })
  const response = await detailsPUT(new Request('http://localhost/api/billing/details', { method: 'PUT', headers, body: JSON.stringify(body) }))
  return { status: response.status, body: await response.json() }
}

const details = (taxIds: { type: string; value: string }[], address: Record<string, string> = {}) => ({
  billingName: 'Tax GmbH',
  billingEmail: 'invoices@tax.test',
  address: { line1: 'Friedrichstraße 1', line2: '', city: 'Berlin', postalCode: '10117', state: '', country: 'DE', ...address },
  taxIds,
})

const organization = (id: number) => payload.findByID({ collection: 'organizations', id, depth: 0, overrideAccess: true })
const auditCount = async (organizationId: number) => (await payload.count({ collection: 'portal-audit', where: { organization: { equals: organizationId } }, overrideAccess: true })).totalDocs

beforeAll(async () => {
  ;({ emulator, stripe } = await startStripeForApp())
  payload = await testPayload()
})

afterAll(async () => {
  await runJobsNow(payload)
  await emulator?.stop()
})

describe('PUT /api/billing/details with a bad tax ID', () => {
  let org: TestOrganization
  beforeAll(async () => {
    org = await createOrganizationWithEveryRole(payload, 'taxid-refused')
  })

  it.each([
    ['Stripe’s own example, which fails the checksum', details([{ type: 'eu_vat', value: 'DE123456789' }]), 'taxIds.0.value', 'A German VAT number is DE followed by 9 digits, e.g. DE136695976.'],
    ['a French number for a German address', details([{ type: 'eu_vat', value: 'FR40303265045' }]), 'taxIds.0.value', 'This EU VAT number is for France, but the billing address is in Germany.'],
    ['a CNPJ with a wrong check digit', details([{ type: 'br_cnpj', value: '16.727.230/0001-98' }], { country: 'BR', postalCode: '01310-100' }), 'taxIds.0.value', 'A Brazilian CNPJ is 14 digits, written like 16.727.230/0001-97.'],
    ['country ZZ', details([], { country: 'ZZ' }), 'address.country', 'Choose a country from the list.'],
    ['a US address without a ZIP code', details([], { country: 'US', postalCode: '' }), 'address.postalCode', 'A US ZIP code is 5 digits, or 5+4, e.g. 94103 or 94103-1234.'],
  ])('refuses %s with 422 on the field, and writes nothing to the database or Stripe', async (_, body, field, message) => {
    const before = await organization(org.organization.id)
    const audits = await auditCount(org.organization.id)
    const events = emulator.events().length
    const response = await putDetails(org.members.billing, org.organization.id, body, `10.12.4.${Math.floor(Math.random() * 250)}`)
    expect(response.status).toBe(422)
    expect(Object.keys(response.body.error.fields)).toEqual([field])
    expect(response.body.error.fields[field]).toContain(message)
    // Not even the Stripe customer is created: the refusal comes before the handler.
    expect(emulator.events().length).toBe(events)
    expect(before.stripeCustomerId ?? null).toBeNull()
    expect(await organization(org.organization.id)).toEqual(before)
    expect(await auditCount(org.organization.id)).toBe(audits)
  })
})

describe('verification status', () => {
  let org: TestOrganization
  beforeAll(async () => {
    org = await createOrganizationWithEveryRole(payload, 'taxid-verified')
  })

  it('saves tax IDs in Stripe’s format with the status Stripe reports, and follows customer.tax_id.updated', async () => {
    const saved = await putDetails(
      org.members.owner,
      org.organization.id,
      details([{ type: 'eu_vat', value: 'de 136 695 976' }]),
      '10.12.5.1',
    )
    expect(saved.status).toBe(200)
    const stored = await organization(org.organization.id)
    const taxIds = (await stripe.customers.listTaxIds(stored.stripeCustomerId!)).data
    expect(taxIds.map((taxId) => taxId.value)).toEqual(['DE136695976'])
    expect(stored.taxIds?.map(({ value, stripeId, verificationStatus }) => ({ value, stripeId, verificationStatus }))).toEqual([
      { value: 'DE136695976', stripeId: taxIds[0]!.id, verificationStatus: 'verified' },
    ])

    // Stripe settles verification later (here: the tax authority doesn't know the number) and says so.
    const settled = await fetch(`${emulator.url}/_emulator/tax_ids/${taxIds[0]!.id}/verification`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_emulator', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'status=unverified',
    })
    expect(settled.status).toBe(200)
    const event = emulator.events('customer.tax_id.updated').at(-1)!
    expect((await deliverWebhook(stripe, event)).status).toBe(200)
    await runJobsNow(payload)
    const [ledgerRow] = (await ledgerRows(payload, [event.id])).docs
    expect(ledgerRow).toMatchObject({ status: 'processed' })
    const updated = await organization(org.organization.id)
    expect(updated.taxIds?.map((taxId) => taxId.verificationStatus)).toEqual(['unverified'])
    const audit = await payload.find({
      collection: 'portal-audit',
      where: { organization: { equals: org.organization.id }, action: { equals: 'billing.tax_id_verification_changed' } },
      sort: '-createdAt',
      depth: 0,
      overrideAccess: true,
    })
    expect(audit.docs[0]).toMatchObject({ actorKind: 'stripe', requestId: event.id })

    // A name change synced from Stripe rewrites the details and keeps the status.
    await stripe.customers.update(updated.stripeCustomerId!, { name: 'Tax GmbH & Co. KG' })
    const renamed = emulator.events('customer.updated').at(-1)!
    await deliverWebhook(stripe, renamed)
    await runJobsNow(payload)
    const afterRename = await organization(org.organization.id)
    expect(afterRename.billingName).toBe('Tax GmbH & Co. KG')
    expect(afterRename.taxIds?.map((taxId) => taxId.verificationStatus)).toEqual(['unverified'])

    // Replaying the verification event changes nothing and records no second change.
    const audits = await auditCount(org.organization.id)
    expect(await processStripeEvent(payload, ledgerRow!.id, { replay: true })).toBe('processed')
    expect(await auditCount(org.organization.id)).toBe(audits)
    expect((await organization(org.organization.id)).taxIds?.map((taxId) => taxId.verificationStatus)).toEqual(['unverified'])
  })
})
