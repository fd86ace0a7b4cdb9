import type { ApiRequest } from './context'
import type { StripeList } from './list'
import type { StripeObject } from './store'

export type ApiHandler = (request: ApiRequest) => StripeObject | StripeList

type Route = { method: string; segments: string[]; handler: ApiHandler }

/** Method + path pattern (`/v1/customers/:customer`) → handler, with the `:name` parts captured. */
export class Router {
  private readonly routes: Route[] = []

  get(pattern: string, handler: ApiHandler) {
    return this.add('GET', pattern, handler)
  }

  post(pattern: string, handler: ApiHandler) {
    return this.add('POST', pattern, handler)
  }

  delete(pattern: string, handler: ApiHandler) {
    return this.add('DELETE', pattern, handler)
  }

  match(method: string, path: string): { handler: ApiHandler; pathParams: Record<string, string> } | undefined {
    const segments = path.split('/').filter(Boolean)
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue
      const pathParams: Record<string, string> = {}
      const matches = route.segments.every((segment, i) => {
        const actual = decodeURIComponent(segments[i] ?? '')
        if (segment.startsWith(':')) {
          pathParams[segment.slice(1)] = actual
          return true
        }
        return segment === actual
      })
      if (matches) return { handler: route.handler, pathParams }
    }
    return undefined
  }

  private add(method: string, pattern: string, handler: ApiHandler): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler })
    return this
  }
}
