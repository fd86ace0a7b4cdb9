import type { EmulatorContext } from '../context'
import { previousAttributes } from '../context'
import { Params } from '../params'
import { attachPaymentMethod, createCardPaymentMethod } from '../resources/payment-methods'
import { requireObject } from '../resources/shared'
import { cancelSubscription, updateSubscription } from '../resources/subscriptions'
import { invalidRequest } from '../stripe-error'
import type { StripeObject } from '../store'

/**
 * What a person can do on the emulator's portal page, with the same effects and events as
 * Stripe's hosted portal: a new card becomes the customer's default, a plan switch updates the
 * subscription item, a cancellation follows the configuration's mode.
 */
export function changeCard(context: EmulatorContext, session: StripeObject, form: { number: string; expiry: string }): void {
  const [month, year] = form.expiry.split('/').map((part) => Number(part.trim()))
  if (!month || !year || month < 1 || month > 12) throw invalidRequest('Enter the expiry date as MM/YY.', 'exp')
  const paymentMethod = createCardPaymentMethod(context, form.number.replace(/[\s-]/g, ''), { expMonth: month, expYear: year < 100 ? 2000 + year : year })
  attachPaymentMethod(context, null, paymentMethod.id, session.customer)
  const before = requireObject(context.store, 'customer', session.customer, 'customer')
  const customer = structuredClone(before)
  customer.invoice_settings.default_payment_method = paymentMethod.id
  context.store.put(customer)
  context.emit(null, 'customer.updated', customer, previousAttributes(before, customer))
}

export function switchPlan(context: EmulatorContext, session: StripeObject, subscriptionId: string, priceId: string): void {
  const configuration = requireObject(context.store, 'billing_portal.configuration', session.configuration, 'configuration')
  if (!allowedPrices(configuration).includes(priceId)) throw invalidRequest('That plan is not offered in this portal configuration.', 'price')
  const before = ownSubscription(context, session, subscriptionId)
  const subscription = structuredClone(before)
  const item = subscription.items.data[0]
  updateSubscription(context, subscription, new Params({ items: [{ id: item.id, price: priceId }] }, ['items']))
  context.store.put(subscription)
  context.emit(null, 'customer.subscription.updated', subscription, previousAttributes(before, subscription))
}

export function cancel(context: EmulatorContext, session: StripeObject, subscriptionId: string): void {
  const configuration = requireObject(context.store, 'billing_portal.configuration', session.configuration, 'configuration')
  const subscription = ownSubscription(context, session, subscriptionId)
  if (configuration.features.subscription_cancel.mode === 'immediately') {
    cancelSubscription(context, null, subscription)
    return
  }
  const before = structuredClone(subscription)
  updateSubscription(context, subscription, new Params({ cancel_at_period_end: 'true' }, ['cancel_at_period_end']))
  context.store.put(subscription)
  context.emit(null, 'customer.subscription.updated', subscription, previousAttributes(before, subscription))
}

export function allowedPrices(configuration: StripeObject): string[] {
  const update = configuration.features.subscription_update
  return update.enabled ? (update.products as StripeObject[]).flatMap((product) => product.prices as string[]) : []
}

function ownSubscription(context: EmulatorContext, session: StripeObject, subscriptionId: string): StripeObject {
  const subscription = requireObject(context.store, 'subscription', subscriptionId, 'subscription')
  if (subscription.customer !== session.customer) throw invalidRequest('That subscription belongs to another customer.', 'subscription')
  return subscription
}
