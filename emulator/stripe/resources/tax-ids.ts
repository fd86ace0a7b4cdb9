import type { ApiRequest, EmulatorContext } from '../context'
import { paginate } from '../list'
import { Params } from '../params'
import type { Router } from '../router'
import { invalidRequest, resourceMissing } from '../stripe-error'
import type { StripeObject } from '../store'
import { requireObject } from './shared'

/** The tax id types a B2B portal meets most; Stripe supports ~100, all shaped the same. */
const taxIdTypes = ['eu_vat', 'gb_vat', 'us_ein', 'ch_vat', 'no_vat', 'au_abn', 'ca_bn', 'in_gst', 'za_vat'] as const
const vatFormat = /^[A-Z]{2}(?=[0-9A-Z]*\d)[0-9A-Z]{2,13}$/
const euVatPrefixes = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'XI']

export function taxIdRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context

  router.post('/v1/customers/:customer/tax_ids', (request) => {
    const params = new Params(request.body, ['type', 'value'])
    return createTaxId(context, request, request.pathParams.customer ?? '', params)
  })

  router.get('/v1/customers/:customer/tax_ids', (request) => {
    const params = new Params(request.body, ['limit', 'starting_after', 'ending_before'])
    const customer = requireObject(store, 'customer', request.pathParams.customer ?? '')
    return paginate(store.list('tax_id', (taxId) => taxId.customer === customer.id), params, `/v1/customers/${customer.id}/tax_ids`)
  })

  router.get('/v1/customers/:customer/tax_ids/:id', (request) => {
    new Params(request.body, [])
    return requireTaxId(context, request.pathParams.customer ?? '', request.pathParams.id ?? '')
  })

  router.delete('/v1/customers/:customer/tax_ids/:id', (request) => {
    new Params(request.body, [])
    const taxId = requireTaxId(context, request.pathParams.customer ?? '', request.pathParams.id ?? '')
    store.remove(taxId.id)
    context.emit(request, 'customer.tax_id.deleted', taxId)
    return { id: taxId.id, object: 'tax_id', deleted: true }
  })
}

export function createTaxId(context: EmulatorContext, request: ApiRequest, customerId: string, params: Params, prefix = ''): StripeObject {
  const customer = requireObject(context.store, 'customer', customerId, 'customer')
  const type = params.oneOf('type', taxIdTypes)
  if (!type) throw invalidRequest(`Missing required param: ${prefix ? `${prefix}[type]` : 'type'}.`, prefix ? `${prefix}[type]` : 'type', 'parameter_missing')
  const value = params.requiredString('value').replace(/\s/g, '').toUpperCase()
  const wrongCountry = (type === 'eu_vat' && !euVatPrefixes.includes(value.slice(0, 2))) || (type === 'gb_vat' && !value.startsWith('GB'))
  if ((type === 'eu_vat' || type === 'gb_vat') && (wrongCountry || !vatFormat.test(value))) {
    throw invalidRequest(`Invalid value for ${type}.`, prefix ? `${prefix}[value]` : 'value', 'tax_id_invalid')
  }
  const taxId: StripeObject = {
    id: context.store.newId('txi'),
    object: 'tax_id',
    country: countryOf(type, value),
    created: context.now(customer.id),
    customer: customer.id,
    livemode: false,
    owner: { customer: customer.id, type: 'customer', customer_account: null },
    type,
    value,
    // Stripe verifies EU VAT numbers against VIES asynchronously; test mode settles on `verified`
    // except for its documented "unverified" magic value.
    verification: type.endsWith('_vat')
      ? { status: value.endsWith('111111111') ? 'unverified' : 'verified', verified_address: null, verified_name: null }
      : { status: 'unavailable', verified_address: null, verified_name: null },
    customer_account: null,
  }
  context.store.put(taxId)
  context.emit(request, 'customer.tax_id.created', taxId)
  return taxId
}

function requireTaxId(context: EmulatorContext, customerId: string, id: string): StripeObject {
  requireObject(context.store, 'customer', customerId, 'customer')
  const taxId = context.store.getOfType('tax_id', id)
  if (!taxId || taxId.customer !== customerId) throw resourceMissing('tax_id', id)
  return taxId
}

function countryOf(type: string, value: string): string | null {
  if (type === 'eu_vat') return value.startsWith('EL') ? 'GR' : value.slice(0, 2)
  const byType: Record<string, string> = { gb_vat: 'GB', us_ein: 'US', ch_vat: 'CH', no_vat: 'NO', au_abn: 'AU', ca_bn: 'CA', in_gst: 'IN', za_vat: 'ZA' }
  return byType[type] ?? null
}
