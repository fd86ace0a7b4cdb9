import type { Payload } from 'payload'
import type Stripe from 'stripe'

import type { AuditActor } from '../../audit/actor'
import { withTransaction } from '../../lib/with-transaction'
import { assertSelfServeBilling } from '../contract/assert-self-serve-billing'
import type { BillingAspect } from '../customer-sync/billing-snapshot'
import { refreshOrganizationFromStripe } from '../customer-sync/refresh-organization-from-stripe'

/**
 * Coming back from Stripe's Customer Portal: whatever the customer changed there is already in
 * Stripe, so the Billing page reads it now instead of waiting for the webhook. Same write as the
 * webhook's (audited per aspect, a no-op when nothing differs), so whichever lands second changes nothing.
 */
export async function refreshAfterPortal(payload: Payload, { organizationId, actor, stripe }: { organizationId: number; actor: AuditActor; stripe: Stripe }): Promise<{ changed: BillingAspect[] }> {
  await assertSelfServeBilling(payload, organizationId)
  const changed = await withTransaction(payload, (req) => refreshOrganizationFromStripe(req, organizationId, { stripe, actor }))
  return { changed }
}
