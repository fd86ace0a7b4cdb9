import type { Payload } from 'payload'

import { recordUsage } from '../../src/metering/record-usage'
import type { MetricId } from '../../src/metering/metric-catalog'

const DAY_MS = 86_400_000
const DAYS = 396 // 13 months
const BATCH = 1_000

/** Per metric: a day's quantity at the start of the 13 months, split across a dimension's values. */
const SHAPES: { metric: MetricId; dimension: string; values: { name: string; share: number; hour: number }[]; base: number; decimals: number }[] = [
  { metric: 'api_calls', dimension: 'endpoint', base: 500, decimals: 0, values: [{ name: '/v1/orders', share: 0.45, hour: 9 }, { name: '/v1/customers', share: 0.3, hour: 13 }, { name: '/v1/search', share: 0.2, hour: 16 }, { name: '/v1/webhooks', share: 0.05, hour: 22 }] },
  { metric: 'compute_minutes', dimension: 'project', base: 60, decimals: 1, values: [{ name: 'etl', share: 0.6, hour: 2 }, { name: 'web', share: 0.3, hour: 12 }, { name: 'ml', share: 0.1, hour: 18 }] },
]

/** Deterministic noise from the day and series, so a re-run sends the same events (and they dedupe by key). */
function noise(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43_758.5453
  return x - Math.floor(x)
}

/**
 * 13 months of Demo Co's usage up to `now`, through the product's own ingestion (`recordUsage`, in
 * batches of 1,000): weekdays busier than weekends, ~3× growth over the year, and a five-day spike
 * (a runaway integration) about ten weeks ago. One event per day per dimension value keeps the seed
 * to a few thousand rows — the charts read daily totals either way. Idempotent by key.
 */
export async function seedDemoUsage(payload: Payload, { now = new Date() }: { now?: Date } = {}): Promise<{ accepted: number }> {
  const { docs } = await payload.find({ collection: 'organizations', where: { name: { equals: 'Demo Co' } }, limit: 1, depth: 0, overrideAccess: true })
  const organization = docs[0]
  if (!organization) return { accepted: 0 }
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const events: unknown[] = []
  for (let daysAgo = DAYS - 1; daysAgo >= 0; daysAgo--) {
    const day = new Date(today - daysAgo * DAY_MS)
    const date = day.toISOString().slice(0, 10)
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6
    const growth = 1 + 2 * ((DAYS - daysAgo) / DAYS)
    const spike = daysAgo >= 70 && daysAgo < 75 ? 4 : 1
    for (const [shapeIndex, shape] of SHAPES.entries()) {
      for (const [valueIndex, value] of shape.values.entries()) {
        const occurredAt = new Date(day.getTime() + value.hour * 3_600_000 + 17 * 60_000)
        if (occurredAt > now) continue
        const jitter = 0.85 + 0.3 * noise(daysAgo * 31 + shapeIndex * 7 + valueIndex)
        const quantity = shape.base * value.share * growth * (weekend ? 0.35 : 1) * spike * jitter
        events.push({
          organizationId: organization.id,
          metric: shape.metric,
          quantity: Number(quantity.toFixed(shape.decimals)),
          occurredAt: occurredAt.toISOString(),
          idempotencyKey: `demo-${shape.metric}-${date}-${value.name}`,
          dimensions: { [shape.dimension]: value.name },
        })
      }
    }
  }
  let accepted = 0
  for (let start = 0; start < events.length; start += BATCH) accepted += (await recordUsage(payload, events.slice(start, start + BATCH), { now })).accepted
  return { accepted }
}
