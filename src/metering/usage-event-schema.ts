import { z } from 'zod'

import { lazyMessage, t } from '../i18n/t'
import { toMicro } from './decimal'
import { isMetricId } from './metric-catalog'

/** How far ahead of our clock an event may claim to have happened: senders' clocks drift a little. */
export const FUTURE_SKEW_MS = 5 * 60_000
export const MAX_BATCH = 1_000
const MAX_QUANTITY = 1e12

const dimensions = z
  .record(z.string().min(1).max(64), z.string().min(1).max(256))
  .refine((value) => Object.keys(value).length <= 16, lazyMessage('usage.ingest.tooManyDimensions'))

/** One metered event as the product reports it; the organization is named (a server token reports for any). */
export const UsageEvent = z.strictObject({
  organizationId: z.number().int().positive(),
  metric: z.string().refine(isMetricId, lazyMessage('usage.ingest.unknownMetric')),
  quantity: z
    .number(lazyMessage('usage.ingest.quantity'))
    .refine((value) => Number.isFinite(value) && value >= 0 && value <= MAX_QUANTITY, lazyMessage('usage.ingest.quantity'))
    .refine((value) => isExactDecimal(value), lazyMessage('usage.ingest.quantityPlaces')),
  occurredAt: z.iso.datetime({ offset: true, error: () => t('usage.ingest.occurredAt') }),
  idempotencyKey: z.string(lazyMessage('usage.ingest.idempotencyKey')).trim().min(1, lazyMessage('usage.ingest.idempotencyKey')).max(255),
  dimensions: dimensions.optional(),
})

export type UsageEventInput = z.input<typeof UsageEvent>
export type UsageEventRecord = z.output<typeof UsageEvent>

/** The body of POST /api/metering/events: the batch, each event checked on its own so every bad one is named. */
export const UsageBatch = z.strictObject({ events: z.array(z.unknown()).min(1).max(MAX_BATCH) })

function isExactDecimal(value: number): boolean {
  try {
    toMicro(String(value))
    return true
  } catch {
    return false
  }
}
