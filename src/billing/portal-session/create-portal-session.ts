import type { Payload } from 'payload'
import type Stripe from 'stripe'

import type { AuditActor } from '../../audit/actor'
import { withTransaction } from '../../lib/with-transaction'
import { ensureStripeCustomer } from '../customer-sync/ensure-stripe-customer'
import { PortalError } from '../../lib/api/portal-error'
import { assertSelfServeBilling } from '../contract/assert-self-serve-billing'
import { t } from '../../i18n/t'

export const PORTAL_FLOWS = ['payment_method_update', 'subscription_update', 'subscription_cancel'] as const
export type PortalFlow = (typeof PORTAL_FLOWS)[number]

/** Where Stripe's portal sends people back: always the Billing screen, on this environment's URL. */
export const billingReturnUrl = (env: Record<string, string | undefined> = process.env) =>
  `${(env.PORTAL_URL || 'http://localhost:3000').replace(/\/$/, '')}/account/billing`

/**
 * A Stripe Customer Portal session for the organization, opened with the pinned configuration
 * (STRIPE_PORTAL_CONFIG_ID) and, for a deep link, the flow's step only; finishing it returns to
 * the Billing screen. Creates the Stripe customer on first use.
 */
export async function createPortalSession(
  payload: Payload,
  { organizationId, flow, actor, stripe, configurationId = process.env.STRIPE_PORTAL_CONFIG_ID }: { organizationId: number; flow?: PortalFlow; actor: AuditActor; stripe: Stripe; configurationId?: string },
): Promise<{ url: string }> {
  await assertSelfServeBilling(payload, organizationId)
  const { organization, customerId } = await withTransaction(payload, (req) => ensureStripeCustomer(req, organizationId, { stripe, actor }))
  // The marker tells the Billing page to read the change from Stripe at once (refresh-on-return.tsx).
  const returnUrl = `${billingReturnUrl()}?returned=portal`
  let flowData: Stripe.BillingPortal.SessionCreateParams.FlowData | undefined
  if (flow === 'payment_method_update') {
    flowData = { type: flow, after_completion: { type: 'redirect', redirect: { return_url: returnUrl } } }
  } else if (flow) {
    const subscription = organization.plan?.subscriptionId
    if (!subscription || organization.plan?.status === 'canceled') throw new PortalError('conflict', t('billing.portal.error.noSubscription'))
    flowData =
      flow === 'subscription_update'
        ? { type: flow, subscription_update: { subscription }, after_completion: { type: 'redirect', redirect: { return_url: returnUrl } } }
        : { type: flow, subscription_cancel: { subscription }, after_completion: { type: 'redirect', redirect: { return_url: returnUrl } } }
  }
  const session = await stripe.billingPortal.sessions.create({
    customer: customerId,
    return_url: returnUrl,
    ...(configurationId ? { configuration: configurationId } : {}),
    ...(flowData ? { flow_data: flowData } : {}),
  })
  return { url: session.url }
}
