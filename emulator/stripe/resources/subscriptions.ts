import { previousAttributes, type ApiRequest, type EmulatorContext } from '../context'
import { createdFilter, embeddedList, paginate } from '../list'
import { Params } from '../params'
import { addInterval } from '../period'
import type { Router } from '../router'
import { invalidRequest, resourceMissing } from '../stripe-error'
import type { StripeObject } from '../store'
import { planFromPrice } from './catalog'
import { requireObject } from './shared'
import { billSubscriptionPeriod } from './subscription-billing'

const statuses = ['active', 'past_due', 'unpaid', 'canceled', 'incomplete', 'incomplete_expired', 'trialing', 'paused', 'all', 'ended'] as const

export function subscriptionRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context
  const load = (id: string | undefined) => requireObject(store, 'subscription', id ?? '', 'subscription')

  router.post('/v1/subscriptions', (request) => {
    const params = new Params(request.body, [
      'customer', 'items', 'default_payment_method', 'metadata', 'collection_method', 'days_until_due', 'description', 'cancel_at_period_end',
      'payment_behavior', 'proration_behavior', 'trial_period_days', 'currency', 'off_session',
    ])
    const customer = requireObject(store, 'customer', params.requiredString('customer'), 'customer')
    const itemParams = params.objects('items', ['price', 'quantity', 'metadata'])
    if (!itemParams || itemParams.length === 0) throw invalidRequest('Missing required param: items.', 'items', 'parameter_missing')
    const defaultPaymentMethod = params.string('default_payment_method') ?? null
    if (defaultPaymentMethod) requireObject(store, 'payment_method', defaultPaymentMethod, 'default_payment_method', 'PaymentMethod')
    const now = context.now(customer.id)
    const trialDays = params.int('trial_period_days')
    const subscription = newSubscription(context, customer, now, {
      collectionMethod: params.oneOf('collection_method', ['charge_automatically', 'send_invoice']) ?? 'charge_automatically',
      daysUntilDue: params.int('days_until_due') ?? null,
      description: params.nullableString('description') ?? null,
      defaultPaymentMethod,
      metadata: params.metadata(),
      cancelAtPeriodEnd: params.bool('cancel_at_period_end') ?? false,
      trialEnd: trialDays ? now + trialDays * 86_400 : null,
    })
    subscription.items.data = itemParams.map((item) => newItem(context, subscription.id, item.requiredString('price'), item.int('quantity') ?? 1, now, subscription.trial_end, item.metadata()))
    store.put(subscription)
    store.put({ ...customer, currency: customer.currency ?? 'usd' })
    context.emit(request, 'customer.subscription.created', subscription)

    const paymentBehavior = params.oneOf('payment_behavior', ['allow_incomplete', 'default_incomplete', 'error_if_incomplete', 'pending_if_incomplete']) ?? 'allow_incomplete'
    const { invoice, declined } = billSubscriptionPeriod(context, request, subscription, 'subscription_create')
    subscription.latest_invoice = invoice.id
    if (declined && paymentBehavior === 'error_if_incomplete') throw declined
    if (invoice.status !== 'paid' && subscription.collection_method === 'charge_automatically') subscription.status = 'incomplete'
    store.put(subscription)
    return subscription
  })

  router.get('/v1/subscriptions/:id', (request) => {
    new Params(request.body, [])
    return load(request.pathParams.id)
  })

  router.post('/v1/subscriptions/:id', (request) => {
    const params = new Params(request.body, [
      'items', 'default_payment_method', 'metadata', 'description', 'cancel_at_period_end', 'cancel_at', 'proration_behavior', 'payment_behavior', 'cancellation_details', 'collection_method', 'days_until_due',
    ])
    const before = load(request.pathParams.id)
    const subscription = structuredClone(before)
    if (subscription.status === 'canceled') throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.', 'subscription')
    updateSubscription(context, subscription, params)
    store.put(subscription)
    const changed = previousAttributes(before, subscription)
    if (Object.keys(changed).length > 0) context.emit(request, 'customer.subscription.updated', subscription, changed)
    return subscription
  })

  router.delete('/v1/subscriptions/:id', (request) => {
    const params = new Params(request.body, ['invoice_now', 'prorate', 'cancellation_details'])
    return cancelSubscription(context, request, load(request.pathParams.id), params)
  })

  router.get('/v1/subscriptions', (request) => {
    const params = new Params(request.body, ['customer', 'price', 'status', 'collection_method', 'created', 'test_clock', 'limit', 'starting_after', 'ending_before'])
    const customer = params.string('customer')
    const price = params.string('price')
    const status = params.oneOf('status', statuses)
    const created = createdFilter(params)
    const matchesStatus = (s: StripeObject) =>
      status === 'all' || (status === 'ended' ? ['canceled', 'incomplete_expired'].includes(s.status) : status ? s.status === status : s.status !== 'canceled')
    const subscriptions = store.list(
      'subscription',
      (s) => (!customer || s.customer === customer) && (!price || s.items.data.some((item: StripeObject) => item.price.id === price)) && matchesStatus(s) && created(s),
    )
    return paginate(subscriptions, params, '/v1/subscriptions')
  })
}

/** Item changes (plan switch, quantity, removal), cancellation at period end, default card, metadata. */
export function updateSubscription(context: EmulatorContext, subscription: StripeObject, params: Params): void {
  const items = params.objects('items', ['id', 'price', 'quantity', 'deleted', 'metadata', 'clear_usage'])
  for (const item of items ?? []) {
    const id = item.string('id')
    const existing = id ? (subscription.items.data as StripeObject[]).find((entry) => entry.id === id) : undefined
    if (id && !existing) throw resourceMissing('subscription_item', id, `items`)
    if (existing && item.bool('deleted')) {
      subscription.items.data = subscription.items.data.filter((entry: StripeObject) => entry.id !== id)
      continue
    }
    if (existing) {
      const priceId = item.string('price')
      if (priceId) {
        const price = requireObject(context.store, 'price', priceId, 'items[price]', 'price')
        Object.assign(existing, { price, plan: planFromPrice(price) })
      }
      existing.quantity = item.int('quantity') ?? existing.quantity
      existing.metadata = item.metadata(existing.metadata)
    } else {
      const first = subscription.items.data[0]
      subscription.items.data.push(newItem(context, subscription.id, item.requiredString('price'), item.int('quantity') ?? 1, first.current_period_start, null, item.metadata()))
    }
  }
  if (subscription.items.data.length === 0) throw invalidRequest('A subscription must have at least one active plan.', 'items')
  const cancelAtPeriodEnd = params.bool('cancel_at_period_end')
  if (cancelAtPeriodEnd !== undefined) {
    const periodEnd = subscription.items.data[0].current_period_end
    Object.assign(subscription, {
      cancel_at_period_end: cancelAtPeriodEnd,
      cancel_at: cancelAtPeriodEnd ? periodEnd : null,
      canceled_at: cancelAtPeriodEnd ? context.now(subscription.customer) : null,
    })
  }
  const reason = params.object('cancellation_details', ['comment', 'feedback'])
  if (reason) subscription.cancellation_details = { comment: reason.nullableString('comment') ?? null, feedback: reason.nullableString('feedback') ?? null, reason: 'cancellation_requested' }
  const defaultPaymentMethod = params.nullableString('default_payment_method')
  if (defaultPaymentMethod) requireObject(context.store, 'payment_method', defaultPaymentMethod, 'default_payment_method', 'PaymentMethod')
  if (defaultPaymentMethod !== undefined) subscription.default_payment_method = defaultPaymentMethod
  const description = params.nullableString('description')
  if (description !== undefined) subscription.description = description
  subscription.metadata = params.metadata(subscription.metadata)
}

export function cancelSubscription(context: EmulatorContext, request: ApiRequest | null, subscription: StripeObject, params?: Params): StripeObject {
  if (subscription.status === 'canceled') throw invalidRequest(`No such subscription: '${subscription.id}' is already canceled.`, 'subscription')
  const now = context.now(subscription.customer)
  const reason = params?.object('cancellation_details', ['comment', 'feedback'])
  Object.assign(subscription, {
    status: 'canceled',
    canceled_at: now,
    ended_at: now,
    cancellation_details: { comment: reason?.nullableString('comment') ?? null, feedback: reason?.nullableString('feedback') ?? null, reason: 'cancellation_requested' },
  })
  context.store.put(subscription)
  context.emit(request, 'customer.subscription.deleted', subscription)
  return subscription
}

type NewSubscription = {
  collectionMethod: string
  daysUntilDue: number | null
  description: string | null
  defaultPaymentMethod: string | null
  metadata: Record<string, string>
  cancelAtPeriodEnd: boolean
  trialEnd: number | null
}

function newSubscription(context: EmulatorContext, customer: StripeObject, now: number, options: NewSubscription): StripeObject {
  const id = context.store.newId('sub')
  return {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null, disabled_reason: null },
    billing_cycle_anchor: options.trialEnd ?? now,
    billing_cycle_anchor_config: null,
    cancel_at: null,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: options.collectionMethod,
    created: now,
    currency: 'usd',
    customer: customer.id,
    days_until_due: options.daysUntilDue,
    default_payment_method: options.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: options.description,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, issuer: { type: 'self' }, custom_fields: null, description: null, footer: null },
    items: embeddedList([], `/v1/subscription_items?subscription=${id}`),
    latest_invoice: null,
    livemode: false,
    metadata: options.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: options.trialEnd ? 'trialing' : 'active',
    test_clock: customer.test_clock ?? null,
    transfer_data: null,
    trial_end: options.trialEnd,
    trial_settings: { end_behavior: { missing_payment_method: 'create_invoice' } },
    trial_start: options.trialEnd ? now : null,
    cancel_at_period_end: options.cancelAtPeriodEnd,
    billing_thresholds: null,
    billing_mode: { type: 'classic', flexible: null },
    customer_account: null,
    managed_payments: null,
    billing_schedules: [],
  }
}

function newItem(context: EmulatorContext, subscriptionId: string, priceId: string, quantity: number, start: number, trialEnd: number | null, metadata: Record<string, string>): StripeObject {
  const price = requireObject(context.store, 'price', priceId, 'items[price]', 'price')
  if (price.type !== 'recurring') throw invalidRequest(`The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`, 'items[price]')
  return {
    id: context.store.newId('si'),
    object: 'subscription_item',
    created: start,
    discounts: [],
    metadata,
    price,
    quantity,
    subscription: subscriptionId,
    tax_rates: [],
    plan: planFromPrice(price),
    current_period_end: trialEnd ?? addInterval(start, price.recurring.interval, price.recurring.interval_count),
    current_period_start: start,
    billing_thresholds: null,
  }
}
