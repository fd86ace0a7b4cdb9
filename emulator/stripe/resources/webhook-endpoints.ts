import type { EmulatorContext } from '../context'
import { paginate } from '../list'
import { Params } from '../params'
import type { Router } from '../router'
import { invalidRequest } from '../stripe-error'
import { randomToken } from '../ids'
import { requireObject } from './shared'

const type = 'webhook_endpoint'

/** Webhook endpoints: each gets its own `whsec_` secret, shown only in the create response as on Stripe. */
export function webhookEndpointRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context
  const withoutSecret = (endpoint: ReturnType<typeof store.get> & object) => {
    const { secret: _secret, ...rest } = endpoint
    return { ...rest, id: endpoint.id, object: endpoint.object }
  }

  router.post('/v1/webhook_endpoints', (request) => {
    const params = new Params(request.body, ['url', 'enabled_events', 'description', 'metadata', 'api_version', 'connect'])
    const url = params.requiredString('url')
    if (!/^https?:\/\//.test(url)) throw invalidRequest('Invalid URL: must start with http:// or https://', 'url', 'url_invalid')
    const enabledEvents = params.strings('enabled_events')
    if (!enabledEvents || enabledEvents.length === 0) throw invalidRequest('Missing required param: enabled_events.', 'enabled_events', 'parameter_missing')
    const endpoint = {
      id: store.newId('we'),
      object: type,
      api_version: params.string('api_version') ?? null,
      application: null,
      created: Math.floor(Date.now() / 1000),
      description: params.nullableString('description') ?? null,
      enabled_events: enabledEvents,
      livemode: false,
      metadata: params.metadata(),
      secret: `whsec_${randomToken(32)}`,
      status: 'enabled',
      url,
    }
    store.put(endpoint)
    return endpoint
  })

  router.get('/v1/webhook_endpoints/:id', (request) => {
    new Params(request.body, [])
    return withoutSecret(requireObject(store, type, request.pathParams.id ?? '', 'webhook_endpoint'))
  })

  router.post('/v1/webhook_endpoints/:id', (request) => {
    const params = new Params(request.body, ['url', 'enabled_events', 'description', 'metadata', 'disabled'])
    const endpoint = requireObject(store, type, request.pathParams.id ?? '', 'webhook_endpoint')
    endpoint.url = params.string('url') ?? endpoint.url
    endpoint.enabled_events = params.strings('enabled_events') ?? endpoint.enabled_events
    const description = params.nullableString('description')
    if (description !== undefined) endpoint.description = description
    endpoint.metadata = params.metadata(endpoint.metadata)
    const disabled = params.bool('disabled')
    if (disabled !== undefined) endpoint.status = disabled ? 'disabled' : 'enabled'
    store.put(endpoint)
    return withoutSecret(endpoint)
  })

  router.delete('/v1/webhook_endpoints/:id', (request) => {
    new Params(request.body, [])
    const endpoint = requireObject(store, type, request.pathParams.id ?? '', 'webhook_endpoint')
    store.remove(endpoint.id)
    return { id: endpoint.id, object: type, deleted: true }
  })

  router.get('/v1/webhook_endpoints', (request) => {
    const params = new Params(request.body, ['limit', 'starting_after', 'ending_before'])
    const list = paginate(store.list(type), params, '/v1/webhook_endpoints')
    return { ...list, data: list.data.map(withoutSecret) }
  })
}
