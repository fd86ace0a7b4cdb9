import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import type { AuditActor } from '../../audit/actor'
import { recordPortalChange } from '../../audit/record-portal-change'
import { lockRow } from '../../lib/lock-row'
import type { Organization } from '../../payload-types'

/** One key per organization: a retried or concurrent first use creates one Stripe customer, not two. */
export const customerIdempotencyKey = (organizationId: number) => `org-${organizationId}-customer`

/**
 * The organization's Stripe customer, created on first need (opening the Customer Portal, saving
 * billing details). Locks the organization row in the caller's transaction; the new id is stored
 * and audited in that same transaction.
 */
export async function ensureStripeCustomer(
  req: PayloadRequest,
  organizationId: number,
  { stripe, actor }: { stripe: Stripe; actor: AuditActor },
): Promise<{ organization: Organization; customerId: string }> {
  await lockRow(req, 'organizations', organizationId)
  const organization = await req.payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, req })
  if (organization.stripeCustomerId) return { organization, customerId: organization.stripeCustomerId }
  const customer = await stripe.customers.create(
    {
      name: organization.billingName || organization.name,
      email: organization.billingEmail || undefined,
      metadata: { organizationId: String(organization.id) },
    },
    { idempotencyKey: customerIdempotencyKey(organization.id) },
  )
  let updated = organization
  await recordPortalChange(
    req,
    { actor, organization: organization.id, entity: { type: 'organizations', id: organization.id }, action: 'billing.customer_created' },
    async (txReq) => {
      updated = await txReq.payload.update({
        collection: 'organizations',
        id: organization.id,
        data: { stripeCustomerId: customer.id, stripeSyncedAt: new Date().toISOString() },
        depth: 0,
        overrideAccess: true,
        req: txReq,
      })
      return { after: { stripeCustomerId: customer.id } }
    },
  )
  return { organization: updated, customerId: customer.id }
}
