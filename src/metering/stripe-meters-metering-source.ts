import type { Payload } from 'payload'
import type Stripe from 'stripe'

import { dateTimeFormat } from '../i18n/intl-formats'
import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'
import type { MeteringSource, RangeQuery, SeriesPoint, SeriesQuery } from './metering-source'
import { metricDefinition, type MetricId } from './metric-catalog'
import { isoDate, localDate } from './zoned-time'

const HOUR = 3600
const DAY = 86_400

const seconds = (date: Date) => Math.floor(date.getTime() / 1000)
const pad = (value: number) => String(value).padStart(2, '0')

/** The bucket an hour falls in, in the zone: "2026-03-08T02:00", "2026-03-08" or "2026-03" (same labels as the postgres source). */
function labelOf(instant: Date, timeZone: string, granularity: SeriesQuery['granularity']): string {
  const date = localDate(instant, timeZone)
  if (granularity === 'month') return isoDate(date).slice(0, 7)
  if (granularity === 'day') return isoDate(date)
  const hour = dateTimeFormat('en-US', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(instant)
  return `${isoDate(date)}T${pad(Number(hour))}:00`
}

/**
 * The `stripe-meters` source: Stripe Billing Meters are the record, read through
 * `billing.meters.listEventSummaries` for the organization's Stripe customer and the metric's
 * meter (`stripeMeter` in the catalog). Summaries are UTC hours (or UTC days for a series in UTC),
 * summed into the zone's buckets — so a zone with a half-hour offset is approximated to the hour.
 * Meter summaries carry no event payload, so there is no breakdown by dimension and no raw export:
 * those answer empty and 422 respectively. Buckets with no summary are zeros, as in the postgres source.
 */
export function stripeMetersMeteringSource(payload: Payload, stripe: Stripe): MeteringSource {
  const meters = new Map<string, Promise<string>>()
  const customers = new Map<number, Promise<string | null>>()

  const meterId = (metric: MetricId) => {
    const eventName = metricDefinition(metric).stripeMeter
    if (!meters.has(eventName)) {
      meters.set(
        eventName,
        (async () => {
          for await (const meter of stripe.billing.meters.list({ status: 'active', limit: 100 })) if (meter.event_name === eventName) return meter.id
          throw new PortalError('unavailable', t('usage.stripe.noMeter', { meter: eventName }))
        })(),
      )
    }
    return meters.get(eventName)!
  }
  const customerId = (organizationId: number) => {
    if (!customers.has(organizationId)) {
      customers.set(organizationId, payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, disableErrors: true }).then((organization) => organization?.stripeCustomerId || null))
    }
    return customers.get(organizationId)!
  }

  /** [start, end) of every summary window in the range, newest first as Stripe lists them; none for a customer Stripe doesn't know. */
  async function summaries({ organizationId, metric, from, to }: RangeQuery, window: 'hour' | 'day' | null) {
    const customer = await customerId(organizationId)
    if (!customer) return []
    const step = window === 'day' ? DAY : HOUR
    const start = Math.floor(seconds(from) / step) * step
    const end = Math.ceil(seconds(to) / step) * step
    if (end <= start) return []
    const rows: { start: number; end: number; value: number }[] = []
    const params = { customer, start_time: start, end_time: end, limit: 100, ...(window ? { value_grouping_window: window } : {}) }
    for await (const summary of stripe.billing.meters.listEventSummaries(await meterId(metric), params)) rows.push({ start: summary.start_time, end: summary.end_time, value: summary.aggregated_value })
    return rows
  }

  return {
    async series(query) {
      const { timeZone, granularity, from, to } = query
      // Whole UTC days answer a day or month series in UTC; any other zone sums hours into its own days.
      const window = granularity !== 'hour' && timeZone === 'UTC' && seconds(from) % DAY === 0 && seconds(to) % DAY === 0 ? 'day' : 'hour'
      const totals = new Map<string, number>()
      for (const row of await summaries(query, window)) {
        const label = labelOf(new Date(row.start * 1000), timeZone, granularity)
        totals.set(label, (totals.get(label) ?? 0) + row.value)
      }
      const points: SeriesPoint[] = []
      for (let at = seconds(from); at < seconds(to); ) {
        const instant = new Date(at * 1000)
        const label = labelOf(instant, timeZone, granularity)
        if (points.at(-1)?.label !== label) points.push({ start: instant.toISOString(), label, quantity: totals.get(label) ?? 0 })
        at = Math.floor(at / HOUR) * HOUR + HOUR
      }
      return points
    },

    async total(query) {
      return (await summaries(query, null)).reduce((sum, row) => sum + row.value, 0)
    },

    async breakdown() {
      return []
    },

    exportRaw() {
      throw new PortalError('invalid_request', t('api.error.invalid'), { granularity: t('usage.stripe.noRaw') })
    },
  }
}
