import { invalidRequest } from './stripe-error'
import type { Store, StripeObject } from './store'

/**
 * `expand[]=a.b.c`: replace the id at each named path with the object it refers to. Intermediate
 * segments may be plain sub-objects or lists (`data.customer`, `items.data.price.product`); the
 * last one must be an id, as on Stripe, which answers anything else with "cannot be expanded".
 */
export function expand<T>(store: Store, value: T, paths: string[]): T {
  for (const path of paths) {
    if (!includablePaths.has(path)) expandPath(store, value, path.split('.'), path)
  }
  return value
}

/** Stripe refuses paths of more than four segments (`data.items.data.price.product` is five). */
export const MAX_EXPAND_DEPTH = 4

/** Part of validating the request, so it runs before the endpoint does: a refused call changes nothing. */
export function checkExpandDepth(paths: string[]): void {
  const tooDeep = paths.find((path) => path.split('.').length > MAX_EXPAND_DEPTH)
  if (tooDeep) throw invalidRequest(`You cannot expand more than ${MAX_EXPAND_DEPTH} levels of a property. Property: ${tooDeep}`, 'expand')
}

/**
 * Stripe's "includable" fields: not ids, but only sent when named in `expand[]`. The handler that
 * owns one strips it unless asked (see resources/portal-configurations.ts); expansion itself has nothing to do.
 */
export const includablePaths = new Set(['features.subscription_update.products', 'data.features.subscription_update.products'])

function expandPath(store: Store, value: unknown, segments: string[], path: string): void {
  if (Array.isArray(value)) {
    for (const entry of value) expandPath(store, entry, segments, path)
    return
  }
  const [head, ...rest] = segments
  if (!head || typeof value !== 'object' || value === null || !(head in value)) throw cannotExpand(path)
  const holder = value as Record<string, unknown>
  holder[head] = resolve(store, holder[head], rest.length === 0, path)
  if (rest.length > 0 && holder[head] !== null) expandPath(store, holder[head], rest, path)
}

function resolve(store: Store, field: unknown, isLast: boolean, path: string): unknown {
  if (Array.isArray(field)) return field.map((entry) => resolve(store, entry, isLast, path))
  if (typeof field === 'string') {
    const found: StripeObject | undefined = store.get(field)
    if (!found) throw cannotExpand(path)
    return found
  }
  if (field === null) return null
  if (isLast && (typeof field !== 'object' || !('id' in field))) throw cannotExpand(path)
  return field
}

function cannotExpand(path: string) {
  return invalidRequest(`This property cannot be expanded (${path}).`, 'expand')
}
