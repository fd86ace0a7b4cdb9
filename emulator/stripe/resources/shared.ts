import type { Params } from '../params'
import { resourceMissing } from '../stripe-error'
import type { Store, StripeObject } from '../store'

/** The stored object of that type, or Stripe's 404 `resource_missing` naming the parameter. */
export function requireObject(store: Store, object: string, id: string, param = 'id', label = object): StripeObject {
  const found = store.getOfType(object, id)
  if (!found || found.deleted === true) throw resourceMissing(label, id, param)
  return found
}

export const addressFields = ['city', 'country', 'line1', 'line2', 'postal_code', 'state'] as const

/** An address hash param → Stripe's address object (every field present, null when not given). */
export function readAddress(params: Params, name = 'address'): StripeObject['address'] | null | undefined {
  const address = params.object(name, addressFields)
  if (address === undefined || address === null) return address
  return Object.fromEntries(addressFields.map((field) => [field, address.nullableString(field) ?? null]))
}
