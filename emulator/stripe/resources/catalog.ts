import { previousAttributes, type EmulatorContext } from '../context'
import { createdFilter, paginate } from '../list'
import { Params } from '../params'
import type { Router } from '../router'
import { invalidRequest } from '../stripe-error'
import type { StripeObject } from '../store'
import { requireObject } from './shared'

const productFields = ['name', 'description', 'active', 'metadata', 'default_price_data', 'id', 'unit_label', 'statement_descriptor', 'tax_code', 'url'] as const
const priceFields = ['currency', 'unit_amount', 'unit_amount_decimal', 'product', 'product_data', 'recurring', 'nickname', 'lookup_key', 'metadata', 'active', 'tax_behavior', 'billing_scheme', 'transfer_lookup_key', 'tiers', 'tiers_mode'] as const

/** Products and prices: the plans (Starter / Growth / Scale) a subscription points at. */
export function catalogRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context

  router.post('/v1/products', (request) => {
    const params = new Params(request.body, productFields)
    const now = context.now()
    const product: StripeObject = {
      id: params.string('id') ?? store.newId('prod'),
      object: 'product',
      active: params.bool('active') ?? true,
      created: now,
      default_price: null,
      description: params.nullableString('description') ?? null,
      images: [],
      livemode: false,
      marketing_features: [],
      metadata: params.metadata(),
      name: params.requiredString('name'),
      package_dimensions: null,
      shippable: null,
      statement_descriptor: params.nullableString('statement_descriptor') ?? null,
      tax_code: params.nullableString('tax_code') ?? null,
      type: 'service',
      unit_label: params.nullableString('unit_label') ?? null,
      updated: now,
      url: params.nullableString('url') ?? null,
    }
    if (store.get(product.id)) throw invalidRequest(`Product already exists.`, 'id', 'resource_already_exists')
    store.put(product)
    context.emit(request, 'product.created', product)
    const priceData = params.object('default_price_data', ['currency', 'unit_amount', 'recurring', 'metadata', 'tax_behavior'])
    if (priceData) {
      const price = createPrice(context, priceData, product.id)
      context.emit(request, 'price.created', price)
      product.default_price = price.id
      store.put(product)
    }
    return product
  })

  router.get('/v1/products/:id', (request) => {
    new Params(request.body, [])
    return requireObject(store, 'product', request.pathParams.id ?? '', 'id')
  })

  router.post('/v1/products/:id', (request) => {
    const params = new Params(request.body, ['name', 'description', 'active', 'metadata', 'default_price', 'unit_label', 'statement_descriptor', 'tax_code', 'url'])
    const before = requireObject(store, 'product', request.pathParams.id ?? '', 'id')
    const product = structuredClone(before)
    product.name = params.string('name') ?? product.name
    for (const field of ['description', 'unit_label', 'statement_descriptor', 'tax_code', 'url', 'default_price'] as const) {
      const value = params.nullableString(field)
      if (value !== undefined) product[field] = value
    }
    product.active = params.bool('active') ?? product.active
    product.metadata = params.metadata(product.metadata)
    product.updated = context.now()
    store.put(product)
    context.emit(request, 'product.updated', product, previousAttributes(before, product))
    return product
  })

  router.get('/v1/products', (request) => {
    const params = new Params(request.body, ['active', 'ids', 'created', 'limit', 'starting_after', 'ending_before'])
    const active = params.bool('active')
    const ids = params.strings('ids')
    const created = createdFilter(params)
    const products = store.list('product', (p) => (active === undefined || p.active === active) && (!ids || ids.includes(p.id)) && created(p))
    return paginate(products, params, '/v1/products')
  })

  router.post('/v1/prices', (request) => {
    const params = new Params(request.body, priceFields)
    let productId = params.string('product')
    const productData = params.object('product_data', ['name', 'metadata', 'active', 'unit_label'])
    if (!productId && productData) {
      productId = store.newId('prod')
      const now = context.now()
      store.put({
        id: productId, object: 'product', active: productData.bool('active') ?? true, created: now, default_price: null, description: null, images: [], livemode: false,
        marketing_features: [], metadata: productData.metadata(), name: productData.requiredString('name'), package_dimensions: null, shippable: null,
        statement_descriptor: null, tax_code: null, type: 'service', unit_label: productData.nullableString('unit_label') ?? null, updated: now, url: null,
      })
    }
    if (!productId) throw invalidRequest('Missing required param: product.', 'product', 'parameter_missing')
    const price = createPrice(context, params, productId)
    context.emit(request, 'price.created', price)
    return price
  })

  router.get('/v1/prices/:id', (request) => {
    new Params(request.body, [])
    return requireObject(store, 'price', request.pathParams.id ?? '', 'price')
  })

  router.post('/v1/prices/:id', (request) => {
    const params = new Params(request.body, ['active', 'metadata', 'nickname', 'lookup_key', 'tax_behavior', 'transfer_lookup_key'])
    const before = requireObject(store, 'price', request.pathParams.id ?? '', 'price')
    const price = structuredClone(before)
    price.active = params.bool('active') ?? price.active
    price.metadata = params.metadata(price.metadata)
    const nickname = params.nullableString('nickname')
    if (nickname !== undefined) price.nickname = nickname
    const lookupKey = params.nullableString('lookup_key')
    if (lookupKey !== undefined) price.lookup_key = lookupKey
    store.put(price)
    context.emit(request, 'price.updated', price, previousAttributes(before, price))
    return price
  })

  router.get('/v1/prices', (request) => {
    const params = new Params(request.body, ['active', 'product', 'type', 'currency', 'lookup_keys', 'recurring', 'created', 'limit', 'starting_after', 'ending_before'])
    const active = params.bool('active')
    const product = params.string('product')
    const type = params.string('type')
    const lookupKeys = params.strings('lookup_keys')
    const created = createdFilter(params)
    const prices = store.list(
      'price',
      (p) => (active === undefined || p.active === active) && (!product || p.product === product) && (!type || p.type === type) && (!lookupKeys || lookupKeys.includes(p.lookup_key)) && created(p),
    )
    return paginate(prices, params, '/v1/prices')
  })
}

function createPrice(context: EmulatorContext, params: Params, productId: string): StripeObject {
  requireObject(context.store, 'product', productId, 'product')
  const recurring = params.object('recurring', ['interval', 'interval_count', 'usage_type', 'meter', 'trial_period_days', 'aggregate_usage'])
  const { billingScheme, unitAmount, unitAmountDecimal, tiers, tiersMode } = priceAmounts(params)
  const usageType = recurring?.oneOf('usage_type', ['licensed', 'metered']) ?? 'licensed'
  const meter = recurring?.string('meter') ?? null
  // Since the 2025-03-31 API, a metered price is backed by a Billing Meter; a licensed one can't be tiered by volume of usage it doesn't have.
  if (usageType === 'metered' && !meter) throw invalidRequest('Missing required param: recurring[meter].', 'recurring[meter]', 'parameter_missing')
  if (meter) requireObject(context.store, 'billing.meter', meter, 'recurring[meter]', 'billing meter')
  const lookupKey = params.nullableString('lookup_key') ?? null
  if (lookupKey && context.store.list('price', (p) => p.lookup_key === lookupKey).length > 0) {
    throw invalidRequest(`A price (\`${lookupKey}\`) already uses that lookup key.`, 'lookup_key')
  }
  const price: StripeObject = {
    id: context.store.newId('price'),
    object: 'price',
    active: params.bool('active') ?? true,
    billing_scheme: billingScheme,
    created: context.now(),
    currency: params.requiredString('currency').toLowerCase(),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: lookupKey,
    metadata: params.metadata(),
    nickname: params.nullableString('nickname') ?? null,
    product: productId,
    recurring: recurring
      ? {
          interval: recurring.oneOf('interval', ['day', 'week', 'month', 'year']) ?? failMissing('recurring[interval]'),
          interval_count: recurring.int('interval_count') ?? 1,
          meter,
          usage_type: usageType,
          trial_period_days: recurring.int('trial_period_days') ?? null,
        }
      : null,
    tax_behavior: params.oneOf('tax_behavior', ['exclusive', 'inclusive', 'unspecified']) ?? 'unspecified',
    ...(tiers ? { tiers } : {}),
    tiers_mode: tiersMode,
    transform_quantity: null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: unitAmount,
    unit_amount_decimal: unitAmountDecimal,
  }
  context.store.put(price)
  return price
}

const DECIMAL = /^\d+(\.\d{1,12})?$/

/**
 * A price's amounts as Stripe takes them: `per_unit` with exactly one of unit_amount (integer minor
 * units) and unit_amount_decimal (up to 12 decimal places); `tiered` with tiers_mode and tiers (each
 * an up_to — ascending, the last `inf` — and one of unit_amount / unit_amount_decimal, plus an
 * optional flat_amount) and no unit amount of its own.
 */
function priceAmounts(params: Params) {
  const billingScheme = params.oneOf('billing_scheme', ['per_unit', 'tiered']) ?? 'per_unit'
  const unitAmount = params.int('unit_amount')
  const decimal = params.string('unit_amount_decimal')
  if (decimal !== undefined && !DECIMAL.test(decimal)) throw invalidRequest('Invalid decimal: unit_amount_decimal.', 'unit_amount_decimal')
  if (billingScheme === 'tiered') {
    if (unitAmount !== undefined || decimal !== undefined) throw invalidRequest('You may not specify unit_amount or unit_amount_decimal when billing_scheme is tiered.', unitAmount !== undefined ? 'unit_amount' : 'unit_amount_decimal')
    const tiersMode = params.oneOf('tiers_mode', ['graduated', 'volume']) ?? failMissing('tiers_mode')
    const tierParams = params.objects('tiers', ['up_to', 'unit_amount', 'unit_amount_decimal', 'flat_amount', 'flat_amount_decimal']) ?? failMissing('tiers')
    let previous = 0
    const tiers = tierParams.map((tier, index) => {
      const upToText = tier.requiredString('up_to')
      const upTo = upToText === 'inf' ? null : tier.int('up_to')!
      if (upTo !== null && upTo <= previous) throw invalidRequest('Each tier\'s up_to must be greater than the previous tier\'s.', `tiers[${index}][up_to]`)
      if (upTo === null && index !== tierParams.length - 1) throw invalidRequest('Only the last tier may have up_to=inf.', `tiers[${index}][up_to]`)
      if (upTo !== null && index === tierParams.length - 1) throw invalidRequest('The last tier must have up_to=inf.', `tiers[${index}][up_to]`)
      previous = upTo ?? previous
      const amount = tier.int('unit_amount')
      const amountDecimal = tier.string('unit_amount_decimal')
      if (amount !== undefined && amountDecimal !== undefined) throw invalidRequest('You may only specify one of unit_amount and unit_amount_decimal.', `tiers[${index}][unit_amount_decimal]`)
      if (amountDecimal !== undefined && !DECIMAL.test(amountDecimal)) throw invalidRequest('Invalid decimal.', `tiers[${index}][unit_amount_decimal]`)
      const flat = tier.int('flat_amount') ?? null
      const unit = amountDecimal ?? (amount !== undefined ? String(amount) : null)
      return { flat_amount: flat, flat_amount_decimal: flat === null ? null : String(flat), unit_amount: amount ?? null, unit_amount_decimal: unit, up_to: upTo }
    })
    return { billingScheme, unitAmount: null, unitAmountDecimal: null, tiers, tiersMode }
  }
  if (params.has('tiers') || params.has('tiers_mode')) throw invalidRequest('tiers and tiers_mode are only for billing_scheme=tiered.', params.has('tiers') ? 'tiers' : 'tiers_mode')
  if (unitAmount !== undefined && decimal !== undefined) throw invalidRequest('You may only specify one of these parameters: unit_amount, unit_amount_decimal.', 'unit_amount_decimal')
  if (unitAmount === undefined && decimal === undefined) throw invalidRequest('Missing required param: unit_amount.', 'unit_amount', 'parameter_missing')
  return { billingScheme, unitAmount: unitAmount ?? null, unitAmountDecimal: decimal ?? String(unitAmount), tiers: null, tiersMode: null }
}

function failMissing(param: string): never {
  throw invalidRequest(`Missing required param: ${param}.`, param, 'parameter_missing')
}

/** The legacy `plan` that Stripe still nests in every subscription item, derived from its price. */
export function planFromPrice(price: StripeObject): StripeObject {
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? 'month',
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: price.recurring?.meter ?? null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: price.recurring?.trial_period_days ?? null,
    usage_type: price.recurring?.usage_type ?? 'licensed',
  }
}
