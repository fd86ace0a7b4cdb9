import type { Payload } from 'payload'

import { getStripe } from '../billing/stripe'
import { cachedMeteringSource } from './cached-metering-source'
import type { MeteringSource } from './metering-source'
import { postgresMeteringSource, postgresUsageVersion } from './postgres-metering-source'
import { stripeMetersMeteringSource } from './stripe-meters-metering-source'

export const METERING_SOURCES = ['postgres', 'stripe-meters'] as const
export type MeteringSourceName = (typeof METERING_SOURCES)[number]

/** METERING_SOURCE: `postgres` (default) or `stripe-meters`; anything else is a configuration error, said at the first read. */
export function meteringSourceName(env: Record<string, string | undefined> = process.env): MeteringSourceName {
  const name = env.METERING_SOURCE || 'postgres'
  if (!(METERING_SOURCES as readonly string[]).includes(name)) throw new Error(`METERING_SOURCE must be one of ${METERING_SOURCES.join(', ')}; got ${name}`)
  return name as MeteringSourceName
}

/**
 * The configured read side of usage, one per request (the Stripe source caches meter and customer ids
 * for its lifetime). The postgres source's answers are kept in memory at the organization's usage
 * version; Stripe's summaries have no version to check, so they are read each time.
 */
export function meteringSource(payload: Payload, name: MeteringSourceName = meteringSourceName()): MeteringSource {
  return name === 'stripe-meters' ? stripeMetersMeteringSource(payload, getStripe()) : cachedMeteringSource(postgresMeteringSource(payload), postgresUsageVersion(payload))
}
