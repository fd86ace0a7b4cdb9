import type { Params } from './params'
import { invalidRequest, resourceMissing } from './stripe-error'
import type { StripeObject } from './store'

export type StripeList = { object: 'list'; data: StripeObject[]; has_more: boolean; url: string }

/**
 * Stripe's cursor pagination over a newest-first list: `limit` (1–100, default 10),
 * `starting_after` pages towards older objects, `ending_before` towards newer ones.
 */
export function paginate(items: StripeObject[], params: Params, url: string): StripeList {
  const limit = params.int('limit') ?? 10
  if (limit < 1 || limit > 100) throw invalidRequest('This value must be between 1 and 100 (it currently is ' + limit + ').', 'limit')
  const startingAfter = params.string('starting_after')
  const endingBefore = params.string('ending_before')
  if (startingAfter && endingBefore) throw invalidRequest('You may only specify one of these parameters: starting_after, ending_before.', 'ending_before')

  const indexOf = (id: string, param: string) => {
    const index = items.findIndex((item) => item.id === id)
    if (index === -1) throw resourceMissing('object', id, param)
    return index
  }
  if (endingBefore) {
    const end = indexOf(endingBefore, 'ending_before')
    const start = Math.max(0, end - limit)
    return { object: 'list', data: items.slice(start, end), has_more: start > 0, url }
  }
  const start = startingAfter ? indexOf(startingAfter, 'starting_after') + 1 : 0
  return { object: 'list', data: items.slice(start, start + limit), has_more: start + limit < items.length, url }
}

/** An embedded list (subscription items, invoice lines) as Stripe nests it in its parent. */
export function embeddedList(data: StripeObject[], url: string): StripeList {
  return { object: 'list', data, has_more: false, url }
}

/** Filter for `created[gte]=…` style range params as well as a plain `created=…`. */
export const createdFilter = (params: Params) => rangeFilter(params, 'created')

/**
 * The same for any timestamp field (`due_date` on invoices): with a range given, objects whose
 * field is null don't match, as on Stripe.
 */
export function rangeFilter(params: Params, field: string): (item: StripeObject) => boolean {
  if (typeof params.raw(field) === 'string') {
    const exact = params.int(field)
    return (item) => item[field] === exact
  }
  const range = params.object(field, ['gt', 'gte', 'lt', 'lte'])
  if (!range) return () => true
  const gt = range.int('gt')
  const gte = range.int('gte')
  const lt = range.int('lt')
  const lte = range.int('lte')
  return (item) => {
    const value = item[field] as number | null | undefined
    if (typeof value !== 'number') return false
    return (gt === undefined || value > gt) && (gte === undefined || value >= gte) && (lt === undefined || value < lt) && (lte === undefined || value <= lte)
  }
}
