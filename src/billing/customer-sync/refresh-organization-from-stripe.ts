import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import type { AuditActor } from '../../audit/actor'
import { lockRow } from '../../lib/lock-row'
import { applyBillingSnapshot } from './apply-billing-snapshot'
import type { BillingAspect } from './billing-snapshot'
import { fetchStripeSnapshot } from './fetch-stripe-snapshot'

/**
 * Re-reads the organization's customer from Stripe and stores what changed. The organization row
 * stays locked from before the read until the caller's transaction commits, so of two concurrent
 * refreshes the later read is always the one written last: a stale read can't win.
 */
export async function refreshOrganizationFromStripe(
  req: PayloadRequest,
  organizationId: number,
  { stripe, actor }: { stripe: Stripe; actor: AuditActor },
): Promise<BillingAspect[]> {
  await lockRow(req, 'organizations', organizationId)
  const organization = await req.payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, req })
  if (!organization.stripeCustomerId) return []
  const snapshot = await fetchStripeSnapshot(stripe, organization.stripeCustomerId)
  return applyBillingSnapshot(req, organization, snapshot, actor)
}
