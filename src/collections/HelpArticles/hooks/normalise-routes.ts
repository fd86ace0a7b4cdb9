import type { CollectionBeforeChangeHook } from 'payload'

import { normaliseRoutePattern } from '../../../help/route-pattern'

/** Route patterns are compared as typed by the matcher: trimmed, one leading slash, no trailing one. */
export const normaliseRoutes: CollectionBeforeChangeHook = ({ data }) => {
  if (data && Array.isArray(data.routes)) {
    data.routes = data.routes.map((route: { pattern?: unknown }) => ({ ...route, pattern: typeof route.pattern === 'string' ? normaliseRoutePattern(route.pattern) : route.pattern }))
  }
  return data
}
