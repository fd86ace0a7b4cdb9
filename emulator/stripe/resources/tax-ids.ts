import { type ApiRequest, type EmulatorContext, previousAttributes } from '../context'
import { paginate } from '../list'
import { Params } from '../params'
import type { Router } from '../router'
import { invalidRequest, resourceMissing } from '../stripe-error'
import type { StripeObject } from '../store'
import { TAX_ID_TYPES, isTaxIdFormat, taxIdCountry } from '../tax-id-formats'
import { requireObject } from './shared'

const verificationStatuses = ['pending', 'verified', 'unverified', 'unavailable']


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
  const type = params.oneOf('type', TAX_ID_TYPES)
  if (!type) throw invalidRequest(`Missing required param: ${prefix ? `${prefix}[type]` : 'type'}.`, prefix ? `${prefix}[type]` : 'type', 'parameter_missing')
  const value = params.requiredString('value').replace(/\s/g, '').toUpperCase()
  if (!isTaxIdFormat(type, value)) throw invalidRequest(`Invalid value for ${type}.`, prefix ? `${prefix}[value]` : 'value', 'tax_id_invalid')
  const taxId: StripeObject = {
    id: context.store.newId('txi'),
    object: 'tax_id',
    country: taxIdCountry(type, value),
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

/**
 * Test-only (`POST /_emulator/tax_ids/:id/verification`): settles a tax ID's verification the way
 * Stripe does after asking the tax authority, announced with `customer.tax_id.updated`.
 */
export function setTaxIdVerification(context: EmulatorContext, id: string, status: string): StripeObject {
  const taxId = context.store.getOfType('tax_id', id)
  if (!taxId) throw resourceMissing('tax_id', id)
  if (!verificationStatuses.includes(status)) throw invalidRequest(`Invalid status: must be one of ${verificationStatuses.join(', ')}`, 'status')
  const before = structuredClone(taxId)
  taxId.verification = { ...(taxId.verification as object), status }
  context.store.put(taxId)
  context.emit(null, 'customer.tax_id.updated', taxId, previousAttributes(before, taxId))
  return taxId
}
