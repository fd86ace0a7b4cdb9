import Stripe from 'stripe'

import { t } from '../../i18n/t'
import { PortalError } from './portal-error'

/** PostgreSQL's codes for "a concurrent write got there first": unique violation, serialization, deadlock. */
const CONCURRENT_WRITE_CODES = new Set(['23505', '40001', '40P01'])

/** Drizzle wraps the driver's error ("Failed query …"); the PostgreSQL code is on it or on a cause. */
function postgresCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return undefined
}

/**
 * Failures that are not bugs, as the answer the caller should get instead of a 500: a write that
 * lost a race to a concurrent one (409: reload and try again), and Stripe being down or slow
 * (503: nothing was changed here, try again shortly). Anything else stays unknown.
 */
export function knownFailure(error: unknown): PortalError | null {
  const code = postgresCode(error)
  if (code && CONCURRENT_WRITE_CODES.has(code)) return new PortalError('conflict', t('api.error.concurrentWrite'))
  if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError || error instanceof Stripe.errors.StripeRateLimitError) {
    return new PortalError('unavailable', t('api.error.billingUnavailable'))
  }
  return null
}
