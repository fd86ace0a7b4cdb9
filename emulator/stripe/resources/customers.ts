import { previousAttributes, type EmulatorContext } from '../context'
import { createdFilter, paginate } from '../list'
import { Params } from '../params'
import { invalidRequest } from '../stripe-error'
import type { Router } from '../router'
import { randomBytes } from 'node:crypto'
import type { StripeObject } from '../store'
import { attachPaymentMethod } from './payment-methods'
import { searchCustomers } from './customer-search'
import { readAddress, requireObject } from './shared'
import { createTaxId } from './tax-ids'

const writable = ['address', 'description', 'email', 'invoice_settings', 'metadata', 'name', 'phone', 'preferred_locales', 'shipping', 'tax_exempt'] as const
const invoiceSettingsFields = ['custom_fields', 'default_payment_method', 'footer', 'rendering_options'] as const
const taxExempt = ['none', 'exempt', 'reverse'] as const

export function customerRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context

  router.post('/v1/customers', (request) => {
    const params = new Params(request.body, [...writable, 'payment_method', 'tax_id_data', 'test_clock'])
    const testClock = params.string('test_clock') ?? null
    const clock = testClock ? requireObject(store, 'test_helpers.test_clock', testClock, 'test_clock') : null
    const customer: StripeObject = {
      id: store.newId('cus'),
      object: 'customer',
      address: null,
      balance: 0,
      created: clock ? clock.frozen_time : context.now(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: null,
      discount: null,
      email: null,
      invoice_prefix: randomBytes(4).toString('hex').toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata: {},
      name: null,
      next_invoice_sequence: 1,
      phone: null,
      preferred_locales: [],
      shipping: null,
      tax_exempt: 'none',
      test_clock: testClock,
      customer_account: null,
    }
    applyWritable(context, customer, params)
    store.put(customer)
    context.emit(request, 'customer.created', customer)

    const paymentMethod = params.string('payment_method')
    if (paymentMethod) attachPaymentMethod(context, request, paymentMethod, customer.id)
    for (const [index, taxId] of (params.objects('tax_id_data', ['type', 'value']) ?? []).entries()) {
      createTaxId(context, request, customer.id, taxId, `tax_id_data[${index}]`)
    }
    return requireObject(store, 'customer', customer.id)
  })

  router.get('/v1/customers/search', (request) => searchCustomers(context, new Params(request.body, ['query', 'limit', 'page'])))

  router.get('/v1/customers/:customer', (request) => {
    new Params(request.body, [])
    // A deleted customer stays retrievable as its `{ id, object, deleted: true }` stub, as on Stripe.
    const id = request.pathParams.customer ?? ''
    return store.getOfType('customer', id) ?? requireObject(store, 'customer', id)
  })

  router.post('/v1/customers/:customer', (request) => {
    const params = new Params(request.body, [...writable, 'default_source'])
    const before = requireObject(store, 'customer', request.pathParams.customer ?? '')
    const customer = structuredClone(before)
    applyWritable(context, customer, params)
    store.put(customer)
    const changed = previousAttributes(before, customer)
    if (Object.keys(changed).length > 0) context.emit(request, 'customer.updated', customer, changed)
    return customer
  })

  router.delete('/v1/customers/:customer', (request) => {
    new Params(request.body, [])
    const customer = requireObject(store, 'customer', request.pathParams.customer ?? '')
    for (const subscription of store.list('subscription', (s) => s.customer === customer.id && s.status !== 'canceled')) {
      store.put({ ...subscription, status: 'canceled', canceled_at: context.now(customer.id), ended_at: context.now(customer.id) })
    }
    const stub = { id: customer.id, object: 'customer', deleted: true }
    store.put(stub)
    context.emit(request, 'customer.deleted', customer)
    return stub
  })

  router.get('/v1/customers', (request) => {
    const params = new Params(request.body, ['email', 'created', 'test_clock', 'limit', 'starting_after', 'ending_before'])
    const email = params.string('email')
    const testClock = params.string('test_clock')
    const created = createdFilter(params)
    const customers = store.list(
      'customer',
      (customer) => customer.deleted !== true && (!email || customer.email === email) && (!testClock || customer.test_clock === testClock) && created(customer),
    )
    return paginate(customers, params, '/v1/customers')
  })
}

function applyWritable(context: EmulatorContext, customer: StripeObject, params: Params): void {
  for (const field of ['description', 'email', 'name', 'phone'] as const) {
    const value = params.nullableString(field)
    if (value !== undefined) customer[field] = value
  }
  const address = readAddress(params)
  if (address !== undefined) customer.address = address
  const shipping = params.object('shipping', ['address', 'name', 'phone'])
  if (shipping !== undefined) {
    customer.shipping = shipping && { address: readAddress(shipping) ?? null, name: shipping.requiredString('name'), phone: shipping.nullableString('phone') ?? null }
  }
  customer.metadata = params.metadata(customer.metadata)
  customer.preferred_locales = params.strings('preferred_locales') ?? customer.preferred_locales
  customer.tax_exempt = params.oneOf('tax_exempt', taxExempt) ?? customer.tax_exempt
  const invoiceSettings = params.object('invoice_settings', invoiceSettingsFields)
  if (invoiceSettings) {
    const defaultPaymentMethod = invoiceSettings.nullableString('default_payment_method')
    if (defaultPaymentMethod) {
      const paymentMethod = requireObject(context.store, 'payment_method', defaultPaymentMethod, 'invoice_settings[default_payment_method]', 'PaymentMethod')
      if (paymentMethod.customer !== customer.id) {
        throw invalidRequest(
          `The customer does not have a payment method with the ID ${defaultPaymentMethod}. The payment method must be attached to the customer.`,
          'invoice_settings[default_payment_method]',
          'resource_missing',
        )
      }
    }
    if (defaultPaymentMethod !== undefined) customer.invoice_settings.default_payment_method = defaultPaymentMethod
    const footer = invoiceSettings.nullableString('footer')
    if (footer !== undefined) customer.invoice_settings.footer = footer
  }
}
