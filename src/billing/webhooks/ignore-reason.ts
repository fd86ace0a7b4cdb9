import type Stripe from 'stripe'

import { STRIPE_API_VERSION } from '../stripe-api-version'
import { isHandledEventType } from './handlers'

/**
 * Why an event is acknowledged but not applied, or null when it should be processed. Stripe sends
 * events in the endpoint's API version; one of another version may be shaped differently.
 */
export function ignoreReason(event: Pick<Stripe.Event, 'api_version' | 'type'>): string | null {
  if (event.api_version !== STRIPE_API_VERSION) {
    return `API version ${event.api_version ?? '(none)'} is not the pinned ${STRIPE_API_VERSION}; update the webhook endpoint’s version.`
  }
  if (!isHandledEventType(event.type)) return 'Portico does not act on this event type.'
  return null
}
