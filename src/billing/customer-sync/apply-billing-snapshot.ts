import type { PayloadRequest } from 'payload'

import type { AuditActor } from '../../audit/actor'
import { type PortalChange, recordPortalChange } from '../../audit/record-portal-change'
import type { Organization } from '../../payload-types'
import { keepVerificationStatuses } from '../tax-ids/keep-verification-statuses'
import {
  BILLING_ASPECTS,
  type BillingAspect,
  type BillingSnapshot,
  cardLabel,
  NO_CARD,
  NO_PLAN,
  organizationDataFor,
  type PlanSnapshot,
  sameSnapshot,
  snapshotOfOrganization,
} from './billing-snapshot'

const planLabel = (plan: PlanSnapshot): string | null => plan.productName ?? plan.priceId

/** The audit action and, where people care, the portal event for one changed aspect. */
function describeChange<A extends BillingAspect>(aspect: A, before: BillingSnapshot[A], after: BillingSnapshot[A]): Pick<PortalChange, 'action' | 'event'> {
  if (aspect === 'details') {
    const [from, to] = [(before as BillingSnapshot['details']).billingEmail, (after as BillingSnapshot['details']).billingEmail]
    return {
      action: 'organization.billing_details_changed',
      event: from === to ? undefined : { type: 'organization.billing_email_changed', data: { changes: { billingEmail: [from, to] } } },
    }
  }
  if (aspect === 'plan') {
    const [from, to] = [before as PlanSnapshot, after as PlanSnapshot]
    if (from.priceId === to.priceId) return { action: 'billing.subscription_updated' }
    return { action: 'billing.plan_changed', event: { type: 'billing.plan_changed', data: { changes: { plan: [planLabel(from), planLabel(to)] } } } }
  }
  const [from, to] = [before as BillingSnapshot['paymentMethod'], after as BillingSnapshot['paymentMethod']]
  if (from.stripeId === to.stripeId) return { action: 'billing.payment_method_updated' }
  return { action: 'billing.payment_method_changed', event: { type: 'billing.payment_method_changed', data: { changes: { card: [cardLabel(from), cardLabel(to)] } } } }
}

/**
 * Stores what changed between the organization's copy and `next` (Stripe's current state; null
 * when the customer was deleted), one audited change per aspect, in the caller's transaction.
 * Nothing differs → nothing is written, which is what makes duplicate and replayed events no-ops.
 */
export async function applyBillingSnapshot(
  req: PayloadRequest,
  organization: Organization,
  next: BillingSnapshot | null,
  actor: AuditActor,
  aspects: BillingAspect[] = BILLING_ASPECTS,
): Promise<BillingAspect[]> {
  const entity = { type: 'organizations', id: organization.id }
  const update = (data: Partial<Organization>) => async (txReq: PayloadRequest) => {
    const after = await txReq.payload.update({
      collection: 'organizations',
      id: organization.id,
      data: { ...data, stripeSyncedAt: new Date().toISOString() },
      depth: 0,
      overrideAccess: true,
      req: txReq,
    })
    return { after: data, entityId: after.id }
  }
  const current = snapshotOfOrganization(organization)

  if (next === null) {
    if (!organization.stripeCustomerId) return []
    // Keep the details (they are still the company's); drop what only existed in Stripe.
    const cleared = { stripeCustomerId: null, plan: NO_PLAN, paymentMethod: NO_CARD }
    await recordPortalChange(
      req,
      { actor, organization: organization.id, entity, action: 'billing.customer_deleted', before: { stripeCustomerId: organization.stripeCustomerId, plan: current.plan, paymentMethod: current.paymentMethod } },
      update(cleared),
    )
    return ['plan', 'paymentMethod']
  }

  const changed = aspects.filter((aspect) => !sameSnapshot(current[aspect], next[aspect]))
  for (const aspect of changed) {
    const data = organizationDataFor(aspect, next[aspect])
    await recordPortalChange(
      req,
      { actor, organization: organization.id, entity, before: current[aspect], ...describeChange(aspect, current[aspect], next[aspect]) },
      update(aspect === 'details' ? { ...data, taxIds: keepVerificationStatuses(next.details.taxIds, organization.taxIds) } : data),
    )
  }
  return changed
}
