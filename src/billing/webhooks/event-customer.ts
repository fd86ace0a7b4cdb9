import type Stripe from 'stripe'

/**
 * The customer an event is about. A detached payment method no longer names its customer; the
 * event's `previous_attributes` still does.
 */
export function eventCustomerId(event: Stripe.Event): string | null {
  const object = event.data.object as { object?: string; id?: string; customer?: string | { id: string } | null }
  if (object.object === 'customer') return object.id ?? null
  const customer = object.customer ?? (event.data.previous_attributes as { customer?: string | null } | undefined)?.customer
  if (!customer) return null
  return typeof customer === 'string' ? customer : customer.id
}
