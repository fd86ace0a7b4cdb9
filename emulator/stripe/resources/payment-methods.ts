import { createHash } from 'node:crypto'

import { previousAttributes, type ApiRequest, type EmulatorContext } from '../context'
import { paginate } from '../list'
import { Params } from '../params'
import type { Router } from '../router'
import { StripeError, cardDeclined, invalidRequest } from '../stripe-error'
import type { StripeObject } from '../store'
import { testCards, testPaymentMethodIds } from '../test-cards'
import { readAddress, requireObject } from './shared'

const billingDetailsFields = ['address', 'email', 'name', 'phone', 'tax_id'] as const

export function paymentMethodRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context

  router.post('/v1/payment_methods', (request) => {
    const params = new Params(request.body, ['type', 'card', 'billing_details', 'metadata', 'allow_redisplay'])
    if (params.requiredString('type') !== 'card') throw invalidRequest('The local Stripe emulator supports only card payment methods.', 'type')
    const card = params.object('card', ['number', 'exp_month', 'exp_year', 'cvc', 'token'])
    if (!card) throw invalidRequest('Missing required param: card.', 'card', 'parameter_missing')
    const number = card.has('token') ? testPaymentMethodIds[`pm_card_${(card.string('token') ?? '').replace(/^tok_/, '')}`] : card.requiredString('number')
    const paymentMethod = createCardPaymentMethod(context, (number ?? '').replace(/\s/g, ''), {
      expMonth: card.int('exp_month') ?? 12,
      expYear: card.int('exp_year') ?? new Date().getUTCFullYear() + 3,
      billingDetails: readBillingDetails(params),
      metadata: params.metadata(),
      allowRedisplay: params.oneOf('allow_redisplay', ['always', 'limited', 'unspecified']) ?? 'unspecified',
    })
    return paymentMethod
  })

  router.get('/v1/payment_methods/:id', (request) => {
    new Params(request.body, [])
    return requireObject(store, 'payment_method', request.pathParams.id ?? '', 'payment_method', 'PaymentMethod')
  })

  router.post('/v1/payment_methods/:id', (request) => {
    const params = new Params(request.body, ['billing_details', 'card', 'metadata', 'allow_redisplay'])
    const before = requireObject(store, 'payment_method', request.pathParams.id ?? '', 'payment_method', 'PaymentMethod')
    const paymentMethod = structuredClone(before)
    const card = params.object('card', ['exp_month', 'exp_year'])
    if (card) {
      paymentMethod.card.exp_month = card.int('exp_month') ?? paymentMethod.card.exp_month
      paymentMethod.card.exp_year = card.int('exp_year') ?? paymentMethod.card.exp_year
    }
    if (params.has('billing_details')) paymentMethod.billing_details = { ...paymentMethod.billing_details, ...readBillingDetails(params, paymentMethod.billing_details) }
    paymentMethod.metadata = params.metadata(paymentMethod.metadata)
    store.put(paymentMethod)
    const changed = previousAttributes(before, paymentMethod)
    if (paymentMethod.customer && Object.keys(changed).length > 0) context.emit(request, 'payment_method.updated', paymentMethod, changed)
    return paymentMethod
  })

  router.post('/v1/payment_methods/:id/attach', (request) => {
    const params = new Params(request.body, ['customer'])
    return attachPaymentMethod(context, request, request.pathParams.id ?? '', params.requiredString('customer'))
  })

  router.post('/v1/payment_methods/:id/detach', (request) => {
    new Params(request.body, [])
    const paymentMethod = requireObject(store, 'payment_method', request.pathParams.id ?? '', 'payment_method', 'PaymentMethod')
    if (!paymentMethod.customer) throw invalidRequest(`The payment method you provided is not attached to a customer so detachment is impossible.`, 'payment_method')
    const previousCustomer = paymentMethod.customer as string
    const customer = store.getOfType('customer', previousCustomer)
    if (customer?.invoice_settings?.default_payment_method === paymentMethod.id) {
      store.put({ ...customer, invoice_settings: { ...customer.invoice_settings, default_payment_method: null } })
    }
    paymentMethod.customer = null
    store.put(paymentMethod)
    context.emit(request, 'payment_method.detached', paymentMethod, { customer: previousCustomer })
    return paymentMethod
  })

  const listFor = (customerId: string | undefined, params: Params, url: string) => {
    if (!customerId) throw invalidRequest('Missing required param: customer.', 'customer', 'parameter_missing')
    requireObject(store, 'customer', customerId, 'customer')
    const type = params.string('type')
    return paginate(store.list('payment_method', (pm) => pm.customer === customerId && (!type || pm.type === type)), params, url)
  }
  router.get('/v1/payment_methods', (request) => {
    const params = new Params(request.body, ['customer', 'type', 'limit', 'starting_after', 'ending_before'])
    return listFor(params.string('customer'), params, '/v1/payment_methods')
  })
  router.get('/v1/customers/:customer/payment_methods', (request) => {
    const params = new Params(request.body, ['type', 'limit', 'starting_after', 'ending_before', 'allow_redisplay'])
    const customerId = request.pathParams.customer ?? ''
    return listFor(customerId, params, `/v1/customers/${customerId}/payment_methods`)
  })
}

type CardOptions = {
  expMonth: number
  expYear: number
  billingDetails?: StripeObject['billing_details']
  metadata?: Record<string, string>
  allowRedisplay?: string
}

/** A card PaymentMethod from a Stripe test card number; anything else is `incorrect_number`, as in test mode. */
export function createCardPaymentMethod(context: EmulatorContext, number: string, options: CardOptions): StripeObject {
  const card = testCards[number]
  if (!card) throw invalidCardNumber()
  const paymentMethod: StripeObject = {
    id: context.store.newId('pm'),
    object: 'payment_method',
    allow_redisplay: options.allowRedisplay ?? 'unspecified',
    billing_details: options.billingDetails ?? { address: null, email: null, name: null, phone: null, tax_id: null },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: card.country,
      display_brand: card.brand,
      exp_month: options.expMonth,
      exp_year: options.expYear,
      // Stripe's fingerprint identifies the card number across customers; a hash does the same.
      fingerprint: createHash('sha256').update(number).digest('base64url').slice(0, 16),
      funding: card.funding,
      generated_from: null,
      last4: number.slice(-4),
      networks: { available: [card.brand], preferred: null },
      three_d_secure_usage: { supported: true },
      wallet: null,
      regulated_status: 'unregulated',
    },
    created: context.now(),
    customer: null,
    livemode: false,
    metadata: options.metadata ?? {},
    type: 'card',
    customer_account: null,
  }
  context.store.put(paymentMethod)
  return paymentMethod
}

/**
 * Saving a card to a customer is where Stripe runs its $0 authorisation, so cards that always
 * decline fail here with a 402 `card_error`. `pm_card_visa`-style test ids create a fresh card.
 */
export function attachPaymentMethod(context: EmulatorContext, request: ApiRequest | null, id: string, customerId: string): StripeObject {
  const customer = requireObject(context.store, 'customer', customerId, 'customer')
  const testNumber = testPaymentMethodIds[id]
  const paymentMethod = testNumber
    ? createCardPaymentMethod(context, testNumber, { expMonth: 12, expYear: new Date().getUTCFullYear() + 3 })
    : requireObject(context.store, 'payment_method', id, 'payment_method', 'PaymentMethod')
  if (paymentMethod.customer && paymentMethod.customer !== customer.id) {
    throw invalidRequest('The payment method you provided has already been attached to a customer.', 'payment_method')
  }
  const decline = cardFor(paymentMethod)?.decline
  if (decline?.at === 'attach') throw cardDeclined(decline.code, decline.message)
  if (paymentMethod.customer === customer.id) return paymentMethod
  paymentMethod.customer = customer.id
  paymentMethod.created = context.now(customer.id)
  context.store.put(paymentMethod)
  context.emit(request, 'payment_method.attached', paymentMethod)
  return paymentMethod
}

/** The test card behind a stored PaymentMethod, found again by its fingerprint. */
export function cardFor(paymentMethod: StripeObject) {
  const entry = Object.entries(testCards).find(
    ([number]) => createHash('sha256').update(number).digest('base64url').slice(0, 16) === paymentMethod.card?.fingerprint,
  )
  return entry?.[1]
}

function invalidCardNumber() {
  return new StripeError(402, 'card_error', 'Your card number is incorrect. Use a Stripe test card such as 4242424242424242.', 'incorrect_number', 'number')
}

function readBillingDetails(params: Params, current?: StripeObject['billing_details']): StripeObject['billing_details'] | undefined {
  const details = params.object('billing_details', billingDetailsFields)
  if (!details) return undefined
  return {
    address: readAddress(details) ?? current?.address ?? null,
    email: details.nullableString('email') ?? current?.email ?? null,
    name: details.nullableString('name') ?? current?.name ?? null,
    phone: details.nullableString('phone') ?? current?.phone ?? null,
    tax_id: details.nullableString('tax_id') ?? current?.tax_id ?? null,
  }
}
