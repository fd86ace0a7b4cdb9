import { z } from 'zod'

import { requestDetails } from '@/audit/actor'
import { createPortalSession, PORTAL_FLOWS } from '@/billing/portal-session/create-portal-session'
import { getStripe } from '@/billing/stripe'
import { portalRoute } from '@/lib/api/portal-route'

const PortalSessionRequest = z.object({ flow: z.enum(PORTAL_FLOWS).optional() })

/** POST /api/billing/portal-session — a Stripe Customer Portal URL for the current organization. */
export const POST = portalRoute({ screen: 'billing', action: 'billing.manage', schema: PortalSessionRequest }, async ({ payload, session, organization, body, request, requestId }) =>
  createPortalSession(payload, {
    organizationId: organization.id,
    flow: body.flow,
    actor: { kind: 'customer', user: { ...session.user, collection: 'users' }, ...requestDetails(request, requestId) },
    stripe: getStripe(),
  }),
)
