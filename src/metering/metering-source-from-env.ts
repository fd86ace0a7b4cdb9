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
 * version — `known`, when the request's session statement read it, else read first; Stripe's
 * summaries have no version to check, so they are read each time.
 */
export function meteringSource(payload: Payload, { name = meteringSourceName(), known }: { name?: MeteringSourceName; known?: KnownUsageVersion } = {}): MeteringSource {
  if (name === 'stripe-meters') return stripeMetersMeteringSource(payload, getStripe())
  const readVersion = postgresUsageVersion(payload)
  return cachedMeteringSource(postgresMeteringSource(payload), (organizationId) => (known && known.organizationId === organizationId ? Promise.resolve(known.version) : readVersion(organizationId)))
}

/** An organization's usage version as something already read it (the session statement). */
export type KnownUsageVersion = { organizationId: number; version: string }
