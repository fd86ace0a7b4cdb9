import type { Payload } from 'payload'
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../emulator/stripe'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'
import { linkCustomer, startStripeForApp } from '../helpers/stripe'

/** Staff correcting the company name or billing email in /admin (REST here, the same handler): Stripe first, like a customer's edit. */
let payload: Payload
let emulator: StripeEmulator
let stripe: Stripe
let org: TestOrganization
let customerId: string
let http: Awaited<ReturnType<typeof payloadHttp>>
let staffToken: string

beforeAll(async () => {
  ;({ emulator, stripe } = await startStripeForApp())
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'staff-contact')
  ;({ customerId } = await linkCustomer(payload, stripe, org.organization.id))
  http = await payloadHttp(payload)
  staffToken = await http.login('staff', 'staff@demo.test', 'portico-demo')
})
afterAll(async () => {
  await emulator?.stop()
})

const row = () => payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })
const customer = async () => (await stripe.customers.retrieve(customerId)) as Stripe.Customer

describe('a staff change of billing name or email', () => {
  it('is saved to Stripe, then on the organization', async () => {
    const response = await http.rest('PATCH', `organizations/${org.organization.id}`, staffToken, { billingName: 'Acme Corrected GmbH', billingEmail: 'ap@acme-corrected.test' })
    expect(response.status).toBe(200)
    expect(await customer()).toMatchObject({ name: 'Acme Corrected GmbH', email: 'ap@acme-corrected.test' })
    expect(await row()).toMatchObject({ billingName: 'Acme Corrected GmbH', billingEmail: 'ap@acme-corrected.test' })
    expect(emulator.events('customer.updated').filter((event) => event.data.object.id === customerId)).toHaveLength(1)
  })

  it('touches Stripe only for the fields that changed', async () => {
    const before = emulator.events('customer.updated').length
    expect((await http.rest('PATCH', `organizations/${org.organization.id}`, staffToken, { seatLimit: 25, billingName: 'Acme Corrected GmbH' })).status).toBe(200)
    expect(emulator.events('customer.updated')).toHaveLength(before)
  })

  it('is not open to customers, even the owner', async () => {
    const ownerToken = await http.login('users', org.members.owner.email, 'test-password-1')
    await http.rest('PATCH', `organizations/${org.organization.id}`, ownerToken, { billingEmail: 'owner-sneaks@acme.test', billingName: 'Sneaky' })
    expect(await row()).toMatchObject({ billingName: 'Acme Corrected GmbH', billingEmail: 'ap@acme-corrected.test' })
    expect((await customer()).email).toBe('ap@acme-corrected.test')
  })

  it('is refused, and nothing saved, when Stripe cannot be reached', async () => {
    await emulator.stop()
    const response = await http.rest('PATCH', `organizations/${org.organization.id}`, staffToken, { billingEmail: 'while-down@acme.test' })
    expect(response.status).toBe(503)
    expect((await row()).billingEmail).toBe('ap@acme-corrected.test')
  })
})
