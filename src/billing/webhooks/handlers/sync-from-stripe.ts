import { refreshOrganizationFromStripe } from '../../customer-sync/refresh-organization-from-stripe'
import type { StripeEventHandler } from './types'

/**
 * What almost every event means for the portal: "this customer changed in Stripe". The event's
 * copy of the object may be older than what is already stored (Stripe doesn't guarantee order),
 * so the handler re-reads the customer, its card and its subscription and stores what differs.
 */
export const syncFromStripe: StripeEventHandler = async ({ req, organizationId, stripe, actor }) => {
  await refreshOrganizationFromStripe(req, organizationId, { stripe, actor })
}
