import type { ApiRequest, EmulatorContext } from '../context'
import { formatMoney } from '../money'
import { addInterval } from '../period'
import { StripeError } from '../stripe-error'
import type { StripeObject } from '../store'
import { addInvoiceLine, draftInvoice, finalizeInvoice, payInvoice } from './invoice-lifecycle'
import { meteredUsageLines } from './meters'
import { requireObject } from './shared'

type Reason = 'subscription_create' | 'subscription_cycle' | 'subscription_update'

/**
 * Invoices one period of a subscription (one line per item: "1 × Growth (at $99.00 / month)"),
 * finalizes it and, for `charge_automatically`, charges the default card. Returns the invoice and
 * whether the charge failed, so the caller can move the subscription to incomplete / past_due.
 */
export function billSubscriptionPeriod(context: EmulatorContext, request: ApiRequest | null, subscription: StripeObject, reason: Reason): { invoice: StripeObject; declined: StripeError | null } {
  const customer = requireObject(context.store, 'customer', subscription.customer, 'customer')
  const item = subscription.items.data[0]
  const invoice = draftInvoice(context, customer, {
    subscription,
    billingReason: reason,
    collectionMethod: subscription.collection_method,
    daysUntilDue: subscription.days_until_due,
    periodStart: item.current_period_start,
    periodEnd: item.current_period_end,
  })
  const trialing = subscription.status === 'trialing'
  for (const entry of subscription.items.data as StripeObject[]) {
    const price = entry.price
    const product = context.store.get(price.product)
    if (price.recurring?.usage_type === 'metered') {
      // Metered usage is billed in arrears: the cycle invoice charges the period that just ended, from its meter.
      if (reason !== 'subscription_cycle' || trialing) continue
      const end: number = entry.current_period_start
      const start = addInterval(end, price.recurring.interval, -price.recurring.interval_count)
      for (const line of meteredUsageLines(context, price, customer.id, start, end, product?.name ?? price.id)) {
        addInvoiceLine(context, invoice, { ...line, period: { start, end }, price, subscriptionItem: { subscription: subscription.id, id: entry.id } })
      }
      continue
    }
    const amount = trialing ? 0 : price.unit_amount * entry.quantity
    addInvoiceLine(context, invoice, {
      amount,
      description: trialing ? `Trial period for ${product?.name ?? price.id}` : `${entry.quantity} × ${product?.name ?? price.id} (at ${formatMoney(price.unit_amount, price.currency)} / ${price.recurring.interval})`,
      quantity: entry.quantity,
      period: { start: entry.current_period_start, end: entry.current_period_end },
      price,
      subscriptionItem: { subscription: subscription.id, id: entry.id },
    })
  }
  context.emit(request, 'invoice.created', invoice)
  finalizeInvoice(context, request, invoice)
  let declined: StripeError | null = null
  const open = context.store.getOfType('invoice', invoice.id) ?? invoice
  if (open.status === 'open' && open.collection_method === 'charge_automatically') {
    try {
      payInvoice(context, request, open, {})
    } catch (error) {
      if (!(error instanceof StripeError)) throw error
      declined = error
    }
  }
  return { invoice: context.store.getOfType('invoice', invoice.id) ?? invoice, declined }
}

/**
 * Moves every subscription of a test-clock customer through the period boundaries up to `until`:
 * cancels those set to cancel at period end, otherwise starts the next period and invoices it.
 */
export function renewSubscriptionsUntil(context: EmulatorContext, clock: StripeObject, until: number): void {
  const customers = context.store.list('customer', (customer) => customer.test_clock === clock.id).map((customer) => customer.id)
  for (;;) {
    const due = context.store
      .list('subscription', (s) => customers.includes(s.customer) && ['active', 'past_due', 'trialing'].includes(s.status))
      .filter((s) => s.items.data[0].current_period_end <= until)
      .sort((a, b) => a.items.data[0].current_period_end - b.items.data[0].current_period_end)[0]
    if (!due) break
    const boundary: number = due.items.data[0].current_period_end
    context.store.put({ ...clock, frozen_time: boundary })
    renewOne(context, due, boundary)
  }
  context.store.put({ ...clock, frozen_time: until })
}

function renewOne(context: EmulatorContext, subscription: StripeObject, boundary: number): void {
  const before = structuredClone(subscription)
  if (subscription.cancel_at_period_end || (subscription.cancel_at && subscription.cancel_at <= boundary)) {
    Object.assign(subscription, { status: 'canceled', ended_at: boundary, canceled_at: subscription.canceled_at ?? boundary })
    context.store.put(subscription)
    context.emit(null, 'customer.subscription.deleted', subscription)
    return
  }
  for (const item of subscription.items.data as StripeObject[]) {
    item.current_period_start = boundary
    item.current_period_end = addInterval(boundary, item.price.recurring.interval, item.price.recurring.interval_count)
  }
  if (subscription.status === 'trialing' && subscription.trial_end && subscription.trial_end <= boundary) subscription.status = 'active'
  context.store.put(subscription)
  const { invoice, declined } = billSubscriptionPeriod(context, null, subscription, 'subscription_cycle')
  subscription.latest_invoice = invoice.id
  if (declined) subscription.status = 'past_due'
  context.store.put(subscription)
  context.emit(null, 'customer.subscription.updated', subscription, {
    items: before.items,
    latest_invoice: before.latest_invoice,
    ...(before.status !== subscription.status ? { status: before.status } : {}),
  })
}
