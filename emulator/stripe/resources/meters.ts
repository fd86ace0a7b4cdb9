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
    if (identifier.length > 100) throw invalidRequest('identifier must be at most 100 characters.', 'identifier')
    // Stripe takes an event from the past 35 calendar days up to 5 minutes ahead, by the customer's clock (a test clock's frozen time).
    const now = context.now(customerId)
    const timestamp = params.int('timestamp') ?? now
    if (timestamp < now - 35 * 86_400 || timestamp > now + 300) {
      throw invalidRequest('Timestamp must be within the past 35 calendar days or up to 5 minutes in the future.', 'timestamp')
    }
    const value = payload[meter.value_settings.event_payload_key]
    if (meter.default_aggregation.formula !== 'count' && (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value))) {
      throw invalidRequest(`payload[${meter.value_settings.event_payload_key}] must be a non-negative number sent as a string.`, `payload[${meter.value_settings.event_payload_key}]`)
    }
    if (store.list('billing.meter_event', (event) => event.identifier === identifier).length > 0) {
      throw invalidRequest(`A meter event with identifier \`${identifier}\` already exists.`, 'identifier', 'duplicate_meter_event')
    }
    const event = {
      // Meter events have no id on Stripe; the identifier is unique, so it doubles as the store key.
      id: `mev_${identifier}`,
      object: 'billing.meter_event',
      created: now,
      event_name: eventName,
      identifier,
      livemode: false,
      payload,
      timestamp,
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

const SCALE = 1_000_000_000_000n

/** "0.2" → 200000000000n (twelve decimals, the most Stripe's *_decimal amounts carry). */
const scaled = (decimal: string) => {
  const [whole, fraction = ''] = decimal.split('.')
  return BigInt(whole!) * SCALE + BigInt(fraction.padEnd(12, '0').slice(0, 12))
}

/** quantity (a decimal string) × a unit amount in minor units (a decimal string), rounded half up to a whole minor unit. */
const amountOf = (quantity: string, unitAmountDecimal: string | null) => {
  if (!unitAmountDecimal) return 0
  const product = scaled(quantity) * scaled(unitAmountDecimal)
  return Number((product * 2n + SCALE * SCALE) / (SCALE * SCALE * 2n))
}

const decimalText = (value: bigint) => {
  const whole = value / SCALE
  const fraction = (value % SCALE).toString().padStart(12, '0').replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}

export type MeteredLine = { amount: number; quantity: number; description: string; unitAmountDecimal: string }

/**
 * What a metered price charges a customer for [start, end): the meter's aggregate of the customer's
 * events in the window, priced per unit or through tiers — graduated: one line per tier the usage
 * reaches (as Stripe itemises it), each rounded to the minor unit; volume: the whole quantity at the
 * tier it ends in. A price without a meter, or no usage, is one zero line.
 */
export function meteredUsageLines(context: EmulatorContext, price: StripeObject, customerId: string, start: number, end: number, productName: string): MeteredLine[] {
  const meter = price.recurring?.meter ? context.store.getOfType(meterType, price.recurring.meter) : null
  const events = meter
    ? context.store.list('billing.meter_event', (event) => event.event_name === meter.event_name && event.payload[meter.customer_mapping.event_payload_key] === customerId && event.timestamp >= start && event.timestamp < end)
    : []
  const total = meter ? aggregate(meter.default_aggregation.formula, events.map((event) => Number(event.payload[meter.value_settings.event_payload_key] ?? 1))) : 0
  // Sum as exact decimals, not floats, when the formula is a sum.
  const quantity = meter?.default_aggregation.formula === 'sum' ? events.reduce((sum, event) => sum + scaled(String(event.payload[meter.value_settings.event_payload_key])), 0n) : scaled(String(total))
  const text = decimalText(quantity)
  if (price.billing_scheme !== 'tiered') return [{ amount: amountOf(text, price.unit_amount_decimal), quantity: Number(text), description: `${text} × ${productName}`, unitAmountDecimal: price.unit_amount_decimal ?? '0' }]
  const tiers = price.tiers as { up_to: number | null; unit_amount_decimal: string | null; flat_amount: number | null }[]
  if (price.tiers_mode === 'volume') {
    const tier = tiers.find((candidate) => candidate.up_to === null || quantity <= BigInt(candidate.up_to) * SCALE)!
    return [{ amount: amountOf(text, tier.unit_amount_decimal) + (tier.flat_amount ?? 0), quantity: Number(text), description: `${text} × ${productName}`, unitAmountDecimal: tier.unit_amount_decimal ?? '0' }]
  }
  const lines: MeteredLine[] = []
  let from = 0n
  tiers.forEach((tier, index) => {
    const upTo = tier.up_to === null ? quantity : BigInt(tier.up_to) * SCALE
    const inTier = (upTo < quantity ? upTo : quantity) - from
    if (inTier <= 0n) return
    const tierText = decimalText(inTier)
    lines.push({ amount: amountOf(tierText, tier.unit_amount_decimal) + (tier.flat_amount ?? 0), quantity: Number(tierText), description: `${productName} (Tier ${index + 1}): ${tierText}`, unitAmountDecimal: tier.unit_amount_decimal ?? '0' })
    from += inTier
  })
  return lines.length ? lines : [{ amount: 0, quantity: 0, description: `0 × ${productName}`, unitAmountDecimal: '0' }]
}
