import type Stripe from 'stripe'

import { isHandledEventType } from './handlers'

/**
 * Why an event is acknowledged but not applied, or null when it should be processed. Any API
 * version is processed: the handlers re-read the objects from Stripe in the pinned version, so the
 * event's own shape never decides what is stored.
 */
export function ignoreReason(event: Pick<Stripe.Event, 'type'>): string | null {
  return isHandledEventType(event.type) ? null : 'Portico does not act on this event type.'
}
