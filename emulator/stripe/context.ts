import type { FormObject } from './form-decode'
import type { Store, StripeObject } from './store'
import type { WebhookDelivery } from './webhook-delivery'

/** One API call as the handlers see it. */
export type ApiRequest = {
  method: string
  path: string
  pathParams: Record<string, string>
  body: FormObject
  requestId: string
  idempotencyKey: string | null
}

/**
 * What every resource handler shares: the store, the clock, the event log and the public URL.
 * Events are stored like any other object and then handed to webhook delivery.
 */
export class EmulatorContext {
  baseUrl = ''

  constructor(
    readonly store: Store,
    readonly webhooks: WebhookDelivery,
    readonly apiVersion: string,
  ) {}

  /**
   * "Now" for an object, in Unix seconds. Objects of a customer on a test clock live at the
   * clock's frozen time, which is how Stripe (and the demo seed) builds months of history.
   */
  now(customerId?: string | null): number {
    const customer = customerId ? this.store.getOfType('customer', customerId) : undefined
    const clock = customer?.test_clock ? this.store.getOfType('test_helpers.test_clock', customer.test_clock) : undefined
    return clock ? (clock.frozen_time as number) : Math.floor(Date.now() / 1000)
  }

  emit(request: ApiRequest | null, type: string, object: StripeObject, previousAttributes?: Record<string, unknown>): StripeObject {
    const customerId = object.object === 'customer' ? object.id : (object.customer as string | null | undefined)
    const event: StripeObject = {
      id: this.store.newId('evt'),
      object: 'event',
      api_version: this.apiVersion,
      created: this.now(customerId),
      data: previousAttributes ? { object, previous_attributes: previousAttributes } : { object },
      livemode: false,
      pending_webhooks: 0,
      request: { id: request?.requestId ?? null, idempotency_key: request?.idempotencyKey ?? null },
      type,
    }
    event.pending_webhooks = this.webhooks.targetsFor(event).length
    this.store.put(event)
    this.webhooks.deliver(event)
    return event
  }
}

/** The fields of `after` that differ from `before`, with their old values: Stripe's `previous_attributes`. */
export function previousAttributes(before: StripeObject, after: StripeObject): Record<string, unknown> {
  const changed: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = before[key] ?? null
  }
  return changed
}
