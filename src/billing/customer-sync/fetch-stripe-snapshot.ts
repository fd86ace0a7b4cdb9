import type Stripe from 'stripe'

import { extractIdOrNull } from '../../lib/extract-id'
import { type BillingSnapshot, type CardSnapshot, NO_CARD, NO_PLAN, type PlanSnapshot } from './billing-snapshot'

/** Subscriptions that still bill, most relevant first; an org with only ended ones shows the latest. */
const STATUS_RANK: Record<string, number> = { active: 0, trialing: 1, past_due: 2, unpaid: 3, incomplete: 4, paused: 5, canceled: 6, incomplete_expired: 7 }

function planOf(subscription: Stripe.Subscription | undefined, product: Stripe.Product | Stripe.DeletedProduct | null): PlanSnapshot {
  const item = subscription?.items.data[0]
  if (!subscription || !item) return NO_PLAN
  return {
    subscriptionId: subscription.id,
    priceId: item.price.id,
    productName: product && !product.deleted ? product.name : null,
    status: subscription.status,
    unitAmount: item.price.unit_amount,
    currency: item.price.currency,
    interval: item.price.recurring?.interval ?? null,
    currentPeriodEnd: new Date(item.current_period_end * 1000).toISOString(),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
  }
}

function cardOf(paymentMethod: Stripe.PaymentMethod | null): CardSnapshot {
  if (!paymentMethod?.card) return NO_CARD
  const { brand, last4, exp_month: expMonth, exp_year: expYear } = paymentMethod.card
  return { stripeId: paymentMethod.id, brand, last4, expMonth, expYear }
}

/**
 * Reads the customer as Stripe holds it now. Handlers call this instead of trusting the event's
 * copy of the object: whatever order events arrive in, what gets stored is Stripe's current state.
 * `null` when the customer was deleted in Stripe.
 */
export async function fetchStripeSnapshot(stripe: Stripe, customerId: string): Promise<BillingSnapshot | null> {
  const customer = await stripe.customers.retrieve(customerId)
  if (customer.deleted) return null
  const [taxIds, subscriptions] = await Promise.all([
    stripe.customers.listTaxIds(customerId, { limit: 100 }),
    // Stripe expands at most four levels, so the plan's product (`data.items.data.price.product`,
    // five) is read on its own below, for the one subscription shown.
    stripe.subscriptions.list({ customer: customerId, status: 'all', limit: 100 }),
  ])
  const subscription = [...subscriptions.data].sort(
    (a, b) => (STATUS_RANK[a.status] ?? 9) - (STATUS_RANK[b.status] ?? 9) || b.created - a.created || b.id.localeCompare(a.id),
  )[0]
  const productId = extractIdOrNull(subscription?.items.data[0]?.price.product)
  // The card Stripe charges: the subscription's default payment method, else the customer's.
  const paymentMethodId = extractIdOrNull(subscription?.default_payment_method) ?? extractIdOrNull(customer.invoice_settings.default_payment_method)
  const [product, paymentMethod] = await Promise.all([
    productId ? stripe.products.retrieve(productId) : null,
    paymentMethodId ? stripe.paymentMethods.retrieve(paymentMethodId) : null,
  ])
  const address = customer.address
  return {
    details: {
      billingName: customer.name || null,
      billingEmail: customer.email || null,
      address: {
        line1: address?.line1 || null,
        line2: address?.line2 || null,
        city: address?.city || null,
        postalCode: address?.postal_code || null,
        state: address?.state || null,
        country: address?.country || null,
      },
      // Oldest first, so the order the customer entered them is the order they're shown in.
      taxIds: [...taxIds.data]
        .sort((a, b) => a.created - b.created || a.id.localeCompare(b.id))
        .map((taxId) => ({ type: taxId.type, value: taxId.value, stripeId: taxId.id })),
    },
    plan: planOf(subscription, product),
    paymentMethod: cardOf(paymentMethod),
  }
}
