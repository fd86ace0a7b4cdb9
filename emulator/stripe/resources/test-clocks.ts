import type { EmulatorContext } from '../context'
import { paginate } from '../list'
import { Params } from '../params'
import type { Router } from '../router'
import { invalidRequest } from '../stripe-error'
import { requireObject } from './shared'
import { renewSubscriptionsUntil } from './subscription-billing'

/**
 * Stripe test clocks: customers created on a clock live at its frozen time, and advancing it runs
 * their subscriptions through every renewal in between. The demo seed builds its 12 months of
 * invoices this way. Advancing completes synchronously here (Stripe: `advancing` → `ready`).
 */
export function testClockRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context
  const type = 'test_helpers.test_clock'

  router.post('/v1/test_helpers/test_clocks', (request) => {
    const params = new Params(request.body, ['frozen_time', 'name'])
    const frozenTime = params.int('frozen_time')
    if (frozenTime === undefined) throw invalidRequest('Missing required param: frozen_time.', 'frozen_time', 'parameter_missing')
    const now = Math.floor(Date.now() / 1000)
    const clock = {
      id: store.newId('clock'),
      object: type,
      created: now,
      deletes_after: now + 30 * 86_400,
      frozen_time: frozenTime,
      livemode: false,
      name: params.nullableString('name') ?? null,
      status: 'ready',
      status_details: {},
    }
    store.put(clock)
    return clock
  })

  router.get('/v1/test_helpers/test_clocks/:id', (request) => {
    new Params(request.body, [])
    return requireObject(store, type, request.pathParams.id ?? '', 'test_clock')
  })

  router.get('/v1/test_helpers/test_clocks', (request) => {
    const params = new Params(request.body, ['limit', 'starting_after', 'ending_before'])
    return paginate(store.list(type), params, '/v1/test_helpers/test_clocks')
  })

  router.post('/v1/test_helpers/test_clocks/:id/advance', (request) => {
    const params = new Params(request.body, ['frozen_time'])
    const clock = requireObject(store, type, request.pathParams.id ?? '', 'test_clock')
    const target = params.int('frozen_time')
    if (target === undefined) throw invalidRequest('Missing required param: frozen_time.', 'frozen_time', 'parameter_missing')
    if (target < clock.frozen_time) throw invalidRequest('The test clock can only be advanced forward in time.', 'frozen_time')
    renewSubscriptionsUntil(context, clock, target)
    return requireObject(store, type, clock.id, 'test_clock')
  })

  router.delete('/v1/test_helpers/test_clocks/:id', (request) => {
    new Params(request.body, [])
    const clock = requireObject(store, type, request.pathParams.id ?? '', 'test_clock')
    store.remove(clock.id)
    return { id: clock.id, object: type, deleted: true }
  })
}
