import type { Payload } from 'payload'

import type { PortalUser } from '../../auth/portal-session'

/** The caller's organization's Stripe customer, read with the caller's access; null before billing was ever opened. */
export async function organizationStripeCustomer(payload: Payload, user: PortalUser, organizationId: number): Promise<string | null> {
  const organization = await payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, user, overrideAccess: false })
  return organization.stripeCustomerId || null
}
