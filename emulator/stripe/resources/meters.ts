import type { EmulatorContext } from '../context'
import { paginate } from '../list'
import { Params } from '../params'
import type { Router } from '../router'
import { invalidRequest } from '../stripe-error'
import type { StripeObject } from '../store'
import { requireObject } from './shared'

const meterType = 'billing.meter'
const windows = { hour: 3600, day: 86_400 } as const

/** Billing Meters: the second metering source behind the Usage screen (meter events in, summaries out). */
export function meterRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context
  const load = (id: string | undefined) => requireObject(store, meterType, id ?? '', 'id', 'billing meter')

  router.post('/v1/billing/meters', (request) => {
    const params = new Params(request.body, ['display_name', 'event_name', 'default_aggregation', 'customer_mapping', 'value_settings', 'event_time_window'])
    const eventName = params.requiredString('event_name')
    if (store.list(meterType, (meter) => meter.event_name === eventName && meter.status === 'active').length > 0) {
      throw invalidRequest(`An active meter with event_name \`${eventName}\` already exists.`, 'event_name')
    }
    const aggregation = params.object('default_aggregation', ['formula'])
    if (!aggregation) throw invalidRequest('Missing required param: default_aggregation.', 'default_aggregation', 'parameter_missing')
    const mapping = params.object('customer_mapping', ['event_payload_key', 'type'])
    const valueSettings = params.object('value_settings', ['event_payload_key'])
    const now = Math.floor(Date.now() / 1000)
    const meter = {
      id: store.newId('mtr'),
      object: meterType,
      created: now,
      customer_mapping: { event_payload_key: mapping?.string('event_payload_key') ?? 'stripe_customer_id', type: 'by_id' },
      default_aggregation: { formula: aggregation.oneOf('formula', ['sum', 'count', 'last']) ?? 'sum' },
      display_name: params.requiredString('display_name'),
      event_name: eventName,
      event_time_window: params.oneOf('event_time_window', ['day', 'hour']) ?? null,
      livemode: false,
      status: 'active',
      status_transitions: { deactivated_at: null },
      updated: now,
      value_settings: { event_payload_key: valueSettings?.string('event_payload_key') ?? 'value' },
    }
    store.put(meter)
    return meter
  })

  router.get('/v1/billing/meters/:id', (request) => {
    new Params(request.body, [])
    return load(request.pathParams.id)
  })

  router.get('/v1/billing/meters', (request) => {
    const params = new Params(request.body, ['status', 'limit', 'starting_after', 'ending_before'])
    const status = params.oneOf('status', ['active', 'inactive'])
    return paginate(store.list(meterType, (meter) => !status || meter.status === status), params, '/v1/billing/meters')
  })

  router.post('/v1/billing/meters/:id/deactivate', (request) => {
    new Params(request.body, [])
    const meter = load(request.pathParams.id)
    const now = Math.floor(Date.now() / 1000)
    Object.assign(meter, { status: 'inactive', status_transitions: { deactivated_at: now }, updated: now })
    store.put(meter)
    return meter
  })

  router.post('/v1/billing/meter_events', (request) => {
    const params = new Params(request.body, ['event_name', 'payload', 'timestamp', 'identifier'])
    const eventName = params.requiredString('event_name')
    const meter = store.list(meterType, (m) => m.event_name === eventName && m.status === 'active')[0]
    if (!meter) throw invalidRequest(`No active meter was found for event_name \`${eventName}\`.`, 'event_name')
    const payload = params.raw('payload')
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw invalidRequest('Missing required param: payload.', 'payload', 'parameter_missing')
    const customerId = payload[meter.customer_mapping.event_payload_key]
    if (typeof customerId !== 'string') throw invalidRequest(`Missing payload[${meter.customer_mapping.event_payload_key}].`, `payload[${meter.customer_mapping.event_payload_key}]`)
    requireObject(store, 'customer', customerId, `payload[${meter.customer_mapping.event_payload_key}]`)
    const identifier = params.string('identifier') ?? store.newId('mev')
    if (store.list('billing.meter_event', (event) => event.identifier === identifier).length > 0) {
      throw invalidRequest(`A meter event with identifier \`${identifier}\` already exists.`, 'identifier', 'duplicate_meter_event')
    }
    const event = {
      // Meter events have no id on Stripe; the identifier is unique, so it doubles as the store key.
      id: `mev_${identifier}`,
      object: 'billing.meter_event',
      created: Math.floor(Date.now() / 1000),
      event_name: eventName,
      identifier,
      livemode: false,
      payload,
      timestamp: params.int('timestamp') ?? Math.floor(Date.now() / 1000),
    }
    store.put(event)
    const { id: _storeKey, ...response } = event
    return response as unknown as StripeObject
  })

  router.get('/v1/billing/meters/:id/event_summaries', (request) => {
    const params = new Params(request.body, ['customer', 'start_time', 'end_time', 'value_grouping_window', 'limit', 'starting_after', 'ending_before'])
    const meter = load(request.pathParams.id)
    const customer = params.requiredString('customer')
    const start = params.int('start_time')
    const end = params.int('end_time')
    if (start === undefined) throw invalidRequest('Missing required param: start_time.', 'start_time', 'parameter_missing')
    if (end === undefined) throw invalidRequest('Missing required param: end_time.', 'end_time', 'parameter_missing')
    const window = params.oneOf('value_grouping_window', ['hour', 'day'])
    const step = window ? windows[window] : end - start
    if (window && (start % step !== 0 || end % step !== 0)) {
      throw invalidRequest(`start_time and end_time must be aligned to the ${window} (UTC) when value_grouping_window is ${window}.`, 'start_time')
    }
    const events = store.list(
      'billing.meter_event',
      (event) => event.event_name === meter.event_name && event.payload[meter.customer_mapping.event_payload_key] === customer && event.timestamp >= start && event.timestamp < end,
    )
    const summaries: StripeObject[] = []
    for (let from = start; from < end; from += step) {
      const inWindow = events.filter((event) => event.timestamp >= from && event.timestamp < from + step)
      summaries.push({
        id: `mtrusg_${meter.id.slice(4)}_${from}`,
        object: 'billing.meter_event_summary',
        aggregated_value: aggregate(meter.default_aggregation.formula, inWindow.map((event) => Number(event.payload[meter.value_settings.event_payload_key] ?? 1))),
        end_time: Math.min(from + step, end),
        livemode: false,
        meter: meter.id,
        start_time: from,
      })
    }
    return paginate(summaries.reverse(), params, `/v1/billing/meters/${meter.id}/event_summaries`)
  })
}

/** Events arrive newest first from the store, so `last` is the first element. */
function aggregate(formula: 'sum' | 'count' | 'last', values: number[]): number {
  if (formula === 'count') return values.length
  if (formula === 'last') return values[0] ?? 0
  return values.reduce((sum, value) => sum + value, 0)
}
