import { z } from 'zod'

import { refreshAfterPortal } from '@/billing/portal-session/refresh-after-portal'
import { getStripe } from '@/billing/stripe'
import { portalRoute } from '@/lib/api/portal-route'

/** POST /api/billing/refresh — the Billing page, back from Stripe's portal, re-reads the customer from Stripe. */
export const POST = portalRoute({ screen: 'billing', action: 'billing.manage', schema: z.object({}) }, async ({ payload, actor, organization }) =>
  refreshAfterPortal(payload, { organizationId: organization.id, actor, stripe: getStripe() }),
)
