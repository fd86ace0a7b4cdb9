import { signWebhookPayload } from './webhook-signature'
import type { DeliveryAttempt, Store, StripeObject } from './store'

export type WebhookTarget = { url: string; secret: string }

export type WebhookDeliveryOptions = {
  /** Delay before each attempt; its length is the number of attempts. Stripe retries for days; tests can't wait. */
  retryDelaysMs?: number[]
  timeoutMs?: number
}

/**
 * Sends events to the configured target and to every enabled webhook endpoint subscribed to the
 * event type, one POST per attempt, signed like Stripe. Each attempt is recorded; non-2xx answers
 * and network errors are retried after the configured delays. Delivery runs after the API response
 * has been sent, as on Stripe, so a slow app never slows the API call that caused the event.
 */
export class WebhookDelivery {
  private readonly inFlight = new Set<Promise<void>>()
  private configuredTarget: WebhookTarget | null
  private readonly retryDelaysMs: number[]
  private readonly timeoutMs: number

  constructor(
    private readonly store: Store,
    target: WebhookTarget | null,
    options: WebhookDeliveryOptions = {},
  ) {
    this.configuredTarget = target
    this.retryDelaysMs = options.retryDelaysMs ?? [0, 250, 1000]
    this.timeoutMs = options.timeoutMs ?? 5000
  }

  setTarget(target: WebhookTarget | null): void {
    this.configuredTarget = target
  }

  targetsFor(event: StripeObject): WebhookTarget[] {
    const endpoints = this.store
      .list('webhook_endpoint', (endpoint) => endpoint.status === 'enabled')
      .filter((endpoint) => endpoint.enabled_events.includes('*') || endpoint.enabled_events.includes(event.type))
      .map((endpoint) => ({ url: endpoint.url as string, secret: endpoint.secret as string }))
    return this.configuredTarget ? [this.configuredTarget, ...endpoints] : endpoints
  }

  /** Queues one delivery per target; `times` > 1 sends duplicates on purpose (for idempotency tests). */
  deliver(event: StripeObject, times = 1): void {
    for (const target of this.targetsFor(event)) {
      for (let copy = 0; copy < times; copy++) this.track(this.deliverWithRetries(event, target))
    }
  }

  /** Resolves once every queued delivery (including retries) has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
  }

  private track(delivery: Promise<void>): void {
    this.inFlight.add(delivery)
    void delivery.finally(() => this.inFlight.delete(delivery))
  }

  private async deliverWithRetries(event: StripeObject, target: WebhookTarget): Promise<void> {
    const payload = JSON.stringify(event, null, 2)
    for (const [index, delay] of this.retryDelaysMs.entries()) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
      const attempt = await this.attempt(event.id, target, payload, index + 1)
      this.store.deliveries.push(attempt)
      if (attempt.status !== null && attempt.status >= 200 && attempt.status < 300) break
    }
    this.store.save()
  }

  private async attempt(eventId: string, target: WebhookTarget, payload: string, attempt: number): Promise<DeliveryAttempt> {
    const record = { eventId, url: target.url, attempt, at: Date.now() }
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signWebhookPayload(payload, target.secret),
        },
        body: payload,
        signal: AbortSignal.timeout(this.timeoutMs),
      })
      await response.arrayBuffer()
      return { ...record, status: response.status, error: null }
    } catch (error) {
      return { ...record, status: null, error: error instanceof Error ? error.message : String(error) }
    }
  }
}
