import type { EmulatorContext } from '../context'
import { createdFilter, paginate } from '../list'
import { Params } from '../params'
import type { Router } from '../router'
import { requireObject } from './shared'

/** `GET /v1/events`: what the app replays from when a webhook was missed. */
export function eventRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context

  router.get('/v1/events/:id', (request) => {
    new Params(request.body, [])
    return requireObject(store, 'event', request.pathParams.id ?? '', 'id')
  })

  router.get('/v1/events', (request) => {
    const params = new Params(request.body, ['type', 'types', 'created', 'delivery_success', 'limit', 'starting_after', 'ending_before'])
    const type = params.string('type')
    const types = params.strings('types')
    const created = createdFilter(params)
    // `type` accepts a trailing wildcard, like `customer.*`.
    const matchesType = (eventType: string) => (!type || (type.endsWith('*') ? eventType.startsWith(type.slice(0, -1)) : eventType === type)) && (!types || types.includes(eventType))
    return paginate(store.list('event', (event) => matchesType(event.type) && created(event)), params, '/v1/events')
  })
}
