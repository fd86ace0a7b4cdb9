import type { Payload } from 'payload'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

import { t } from '../../i18n/t'
import { PortalError } from '../api/portal-error'
import { clientAddress, UNKNOWN_CLIENT } from './client-address'
import { RATE_LIMITS, type RateLimitName } from './limits'

const TABLE = 'rate_limits'

/** A limit that is used up; `retryAfter` in seconds, for the Retry-After header. */
export class RateLimited extends PortalError {
  constructor(readonly retryAfter: number, message = t('api.error.rateLimited', { minutes: Math.max(1, Math.ceil(retryAfter / 60)) })) {
    super('rate_limited', message)
  }
}

const limiters = new WeakMap<Payload, Map<RateLimitName, RateLimiterPostgres>>()

function limiter(payload: Payload, name: RateLimitName): RateLimiterPostgres {
  let byName = limiters.get(payload)
  if (!byName) limiters.set(payload, (byName = new Map()))
  let found = byName.get(name)
  if (!found) {
    // The table comes from a migration (never created at run time); counters live in PostgreSQL so
    // every instance sees the same ones, and the library prunes expired rows every five minutes.
    found = new RateLimiterPostgres({ storeClient: payload.db.pool, storeType: 'pool', tableName: TABLE, tableCreated: true, clearExpiredByTimeout: true, keyPrefix: name, ...RATE_LIMITS[name] })
    byName.set(name, found)
  }
  return found
}

/** Normalised so `Ada@Example.com ` and `ada@example.com` share a counter; long keys are cut (the column is 255). */
const keyOf = (parts: readonly string[]) => parts.map((part) => part.trim().toLowerCase()).join('|').slice(0, 200)

/** Uses `points` of the named limit for `key`; throws RateLimited (429) when that goes past the budget. */
export async function consumeLimit(payload: Payload, name: RateLimitName, key: readonly string[], points = 1): Promise<void> {
  try {
    await limiter(payload, name).consume(keyOf(key), points)
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimited(Math.ceil(error.msBeforeNext / 1000))
    throw error
  }
}

/**
 * `consumeLimit` for a per-client limit. A request with no client address to attribute (the Local
 * API in scripts and tests) shares no client budget: one bucket for all of them would let any one
 * exhaust it for everyone.
 */
export async function consumeClientLimit(payload: Payload, name: RateLimitName, headers: Headers | undefined, scope: readonly string[] = []): Promise<void> {
  const client = clientAddress(headers)
  if (client !== UNKNOWN_CLIENT) await consumeLimit(payload, name, [...scope, client])
}

/** Gives `points` back (a successful sign-in doesn't count against its client). */
export async function refundLimit(payload: Payload, name: RateLimitName, key: readonly string[], points = 1): Promise<void> {
  await limiter(payload, name).reward(keyOf(key), points)
}

/** Clears a counter (a successful sign-in clears its account-and-client one). */
export async function clearLimit(payload: Payload, name: RateLimitName, key: readonly string[]): Promise<void> {
  await limiter(payload, name).delete(keyOf(key))
}

/** The 429 a route answers with, whatever its body format. */
export const retryAfterHeaders = (error: RateLimited): Record<string, string> => ({ 'Retry-After': String(error.retryAfter) })
