import { z } from 'zod'

import { createPortalSession, PORTAL_FLOWS } from '@/billing/portal-session/create-portal-session'
import { getStripe } from '@/billing/stripe'
import { portalRoute } from '@/lib/api/portal-route'

const PortalSessionRequest = z.object({ flow: z.enum(PORTAL_FLOWS).optional() })

/** POST /api/billing/portal-session — a Stripe Customer Portal URL for the current organization. */
export const POST = portalRoute({ screen: 'billing', action: 'billing.manage', schema: PortalSessionRequest }, async ({ payload, actor, organization, body }) =>
  createPortalSession(payload, {
    organizationId: organization.id,
    flow: body.flow,
    actor,
    stripe: getStripe(),
  }),
)
