import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { PUT as detailsPUT } from '../../src/app/(portal)/api/billing/details/route'
import { POST as portalSessionPOST } from '../../src/app/(portal)/api/billing/portal-session/route'
import { routeCaller } from '../helpers/call-route'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { linkCustomer, startStripeForApp } from '../helpers/stripe'

/** Stripe unreachable: the billing routes answer 503 with a message, and nothing local changes. */
let payload: Payload
let call: ReturnType<typeof routeCaller>
let org: TestOrganization

beforeAll(async () => {
  const { emulator, stripe } = await startStripeForApp()
  payload = await testPayload()
  call = routeCaller(payload)
  org = await createOrganizationWithEveryRole(payload, 'stripe-outage')
  await linkCustomer(payload, stripe, org.organization.id)
  await emulator.stop()
})

const auditCount = async () => Number((await payload.db.pool.query(`SELECT count(*) FROM portal_audit WHERE organization_id = $1`, [org.organization.id])).rows[0].count)

describe('when Stripe does not answer', () => {
  it('saving billing details answers 503 with a plain message and writes nothing', async () => {
    const before = await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })
    const audits = await auditCount()
    const details = { billingName: 'Outage GmbH', billingEmail: 'outage@billing.test', address: { line1: 'Friedrichstraße 1', line2: '', city: 'Berlin', postalCode: '10117', state: '', country: 'DE' }, taxIds: [] }
    const { status, body } = await call(detailsPUT, org.members.owner, '/api/billing/details', { method: 'PUT', body: details })
    expect(status).toBe(503)
    expect(body.error).toMatchObject({ code: 'unavailable' })
    expect(body.error?.message).toMatch(/billing provider/i)
    const after = await payload.findByID({ collection: 'organizations', id: org.organization.id, depth: 0 })
    expect(after.billingName).toBe(before.billingName)
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(await auditCount()).toBe(audits)
  })

  it('opening the Customer Portal answers 503, not 500', async () => {
    const { status, body } = await call(portalSessionPOST, org.members.owner, '/api/billing/portal-session', { method: 'POST', body: {} })
    expect(status).toBe(503)
    expect(body.error).toMatchObject({ code: 'unavailable' })
  })
})
