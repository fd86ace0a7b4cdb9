import { BillingDetailsInput } from '@/billing/customer-sync/billing-details-schema'
import { updateBillingDetails } from '@/billing/customer-sync/update-billing-details'
import { getStripe } from '@/billing/stripe'
import { portalRoute } from '@/lib/api/portal-route'

/** PUT /api/billing/details — company name, billing email, address and tax IDs, saved to Stripe and mirrored. */
export const PUT = portalRoute({ screen: 'billing', action: 'billing.manage', schema: BillingDetailsInput }, async ({ payload, actor, organization, body }) =>
  updateBillingDetails(payload, {
    organizationId: organization.id,
    input: body,
    actor,
    stripe: getStripe(),
  }),
)
