import { previousAttributes, type EmulatorContext } from '../context'
import { paginate } from '../list'
import { Params } from '../params'
import type { Router } from '../router'
import { invalidRequest } from '../stripe-error'
import type { StripeObject } from '../store'
import { requireObject } from './shared'

const type = 'billing_portal.configuration'
const productsPath = 'features.subscription_update.products'

/** Customer Portal configurations: which features the hosted portal offers (and our portal page honours). */
export function portalConfigurationRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context

  router.post('/v1/billing_portal/configurations', (request) => {
    const params = new Params(request.body, ['features', 'business_profile', 'default_return_url', 'login_page', 'metadata', 'name'])
    if (!params.has('features')) throw invalidRequest('Missing required param: features.', 'features', 'parameter_missing')
    const now = Math.floor(Date.now() / 1000)
    const isFirst = store.list(type).length === 0
    const configuration: StripeObject = {
      id: store.newId('bpc'),
      object: type,
      active: true,
      application: null,
      business_profile: { headline: null, privacy_policy_url: null, terms_of_service_url: null },
      created: now,
      default_return_url: null,
      features: {
        customer_update: { allowed_updates: [], enabled: false },
        invoice_history: { enabled: false },
        payment_method_update: { enabled: false, payment_method_configuration: null },
        subscription_cancel: { cancellation_reason: { enabled: false, options: [] }, enabled: false, mode: 'at_period_end', proration_behavior: 'none' },
        subscription_update: {
          default_allowed_updates: [], enabled: false, products: [], proration_behavior: 'none', schedule_at_period_end: { conditions: [] },
          trial_update_behavior: 'end_trial', billing_cycle_anchor: null,
        },
      },
      is_default: isFirst,
      livemode: false,
      login_page: { enabled: false, url: null },
      metadata: {},
      name: null,
      updated: now,
    }
    applyConfiguration(context, configuration, params)
    store.put(configuration)
    context.emit(request, 'billing_portal.configuration.created', withoutProducts(configuration))
    return forResponse(configuration, request.body.expand)
  })

  router.post('/v1/billing_portal/configurations/:id', (request) => {
    const params = new Params(request.body, ['features', 'business_profile', 'default_return_url', 'login_page', 'metadata', 'name', 'active'])
    const before = requireObject(store, type, request.pathParams.id ?? '', 'configuration', 'configuration')
    const configuration = structuredClone(before)
    applyConfiguration(context, configuration, params)
    const active = params.bool('active')
    if (active === false && configuration.is_default) throw invalidRequest('You cannot deactivate the default configuration.', 'active')
    configuration.active = active ?? configuration.active
    configuration.updated = Math.floor(Date.now() / 1000)
    store.put(configuration)
    context.emit(request, 'billing_portal.configuration.updated', withoutProducts(configuration), previousAttributes(withoutProducts(before), withoutProducts(configuration)))
    return forResponse(configuration, request.body.expand)
  })

  router.get('/v1/billing_portal/configurations/:id', (request) => {
    new Params(request.body, [])
    return forResponse(requireObject(store, type, request.pathParams.id ?? '', 'configuration', 'configuration'), request.body.expand)
  })

  router.get('/v1/billing_portal/configurations', (request) => {
    const params = new Params(request.body, ['active', 'is_default', 'limit', 'starting_after', 'ending_before'])
    const active = params.bool('active')
    const isDefault = params.bool('is_default')
    const list = paginate(
      store.list(type, (c) => (active === undefined || c.active === active) && (isDefault === undefined || c.is_default === isDefault)),
      params,
      '/v1/billing_portal/configurations',
    )
    const expanded = (request.body.expand as string[] | undefined)?.map((path) => path.replace(/^data\./, ''))
    return { ...list, data: list.data.map((configuration) => forResponse(configuration, expanded)) }
  })
}

/** `features.subscription_update.products` is includable: present only when named in `expand[]`. */
function forResponse(configuration: StripeObject, expand: unknown): StripeObject {
  const requested = Array.isArray(expand) && expand.includes(productsPath)
  return requested ? configuration : withoutProducts(configuration)
}

function withoutProducts(configuration: StripeObject): StripeObject {
  const copy = structuredClone(configuration)
  delete copy.features.subscription_update.products
  return copy
}

function applyConfiguration(context: EmulatorContext, configuration: StripeObject, params: Params): void {
  const profile = params.object('business_profile', ['headline', 'privacy_policy_url', 'terms_of_service_url'])
  if (profile) {
    for (const field of ['headline', 'privacy_policy_url', 'terms_of_service_url'] as const) {
      const value = profile.nullableString(field)
      if (value !== undefined) configuration.business_profile[field] = value
    }
  }
  const returnUrl = params.nullableString('default_return_url')
  if (returnUrl !== undefined) configuration.default_return_url = returnUrl
  const name = params.nullableString('name')
  if (name !== undefined) configuration.name = name
  const loginPage = params.object('login_page', ['enabled'])
  if (loginPage) configuration.login_page.enabled = loginPage.bool('enabled') ?? configuration.login_page.enabled
  configuration.metadata = params.metadata(configuration.metadata ?? {})

  const features = params.object('features', ['customer_update', 'invoice_history', 'payment_method_update', 'subscription_cancel', 'subscription_update'])
  if (!features) return
  const target = configuration.features
  const customerUpdate = features.object('customer_update', ['enabled', 'allowed_updates'])
  if (customerUpdate) {
    target.customer_update.enabled = customerUpdate.bool('enabled') ?? target.customer_update.enabled
    const allowed = customerUpdate.strings('allowed_updates')
    const known = ['address', 'email', 'name', 'phone', 'shipping', 'tax_id']
    const unknown = allowed?.find((entry) => !known.includes(entry))
    if (unknown) throw invalidRequest(`Invalid features[customer_update][allowed_updates]: must be one of ${known.join(', ')}`, 'features[customer_update][allowed_updates]')
    target.customer_update.allowed_updates = allowed ?? target.customer_update.allowed_updates
  }
  const invoiceHistory = features.object('invoice_history', ['enabled'])
  if (invoiceHistory) target.invoice_history.enabled = invoiceHistory.bool('enabled') ?? target.invoice_history.enabled
  const paymentMethodUpdate = features.object('payment_method_update', ['enabled', 'payment_method_configuration'])
  if (paymentMethodUpdate) target.payment_method_update.enabled = paymentMethodUpdate.bool('enabled') ?? target.payment_method_update.enabled
  const cancel = features.object('subscription_cancel', ['enabled', 'mode', 'proration_behavior', 'cancellation_reason'])
  if (cancel) {
    target.subscription_cancel.enabled = cancel.bool('enabled') ?? target.subscription_cancel.enabled
    target.subscription_cancel.mode = cancel.oneOf('mode', ['at_period_end', 'immediately']) ?? target.subscription_cancel.mode
    target.subscription_cancel.proration_behavior = cancel.oneOf('proration_behavior', ['always_invoice', 'create_prorations', 'none']) ?? target.subscription_cancel.proration_behavior
    const reason = cancel.object('cancellation_reason', ['enabled', 'options'])
    if (reason) {
      target.subscription_cancel.cancellation_reason = {
        enabled: reason.bool('enabled') ?? target.subscription_cancel.cancellation_reason.enabled,
        options: reason.strings('options') ?? target.subscription_cancel.cancellation_reason.options,
      }
    }
  }
  const update = features.object('subscription_update', ['enabled', 'default_allowed_updates', 'products', 'proration_behavior', 'schedule_at_period_end', 'trial_update_behavior', 'billing_cycle_anchor'])
  if (update) {
    const into = target.subscription_update
    into.enabled = update.bool('enabled') ?? into.enabled
    into.default_allowed_updates = update.strings('default_allowed_updates') ?? into.default_allowed_updates
    into.proration_behavior = update.oneOf('proration_behavior', ['always_invoice', 'create_prorations', 'none']) ?? into.proration_behavior
    into.trial_update_behavior = update.oneOf('trial_update_behavior', ['continue_trial', 'end_trial']) ?? into.trial_update_behavior
    into.billing_cycle_anchor = update.oneOf('billing_cycle_anchor', ['now', 'unchanged']) ?? into.billing_cycle_anchor
    const products = update.objects('products', ['product', 'prices', 'adjustable_quantity'])
    if (products) {
      into.products = products.map((entry) => {
        const product = requireObject(context.store, 'product', entry.requiredString('product'), 'features[subscription_update][products][product]', 'product')
        const prices = entry.strings('prices') ?? []
        for (const price of prices) {
          const found = requireObject(context.store, 'price', price, 'features[subscription_update][products][prices]', 'price')
          if (found.product !== product.id) throw invalidRequest(`The price ${price} does not belong to product ${product.id}.`, 'features[subscription_update][products][prices]')
        }
        return { adjustable_quantity: { enabled: false, maximum: null, minimum: 1 }, prices, product: product.id }
      })
    }
    if (into.enabled && into.products.length === 0) {
      throw invalidRequest('To enable subscription updates, you must specify at least one product in features[subscription_update][products].', 'features[subscription_update][products]')
    }
  }
}
