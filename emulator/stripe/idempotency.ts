import { createHash } from 'node:crypto'

import type { FormObject } from './form-decode'
import { StripeError } from './stripe-error'
import type { IdempotencyRecord, Store } from './store'

export type StoredResponse = { status: number; body: string }

/**
 * `Idempotency-Key` as Stripe implements it: the first response to a key is stored (errors too,
 * except 5xx); the same key with the same method, path and parameters replays it; with anything
 * else it is an `idempotency_error`. Keys are scoped to the API key that used them.
 */
export class Idempotency {
  constructor(private readonly store: Store) {}

  fingerprint(method: string, path: string, body: FormObject): string {
    return createHash('sha256').update(JSON.stringify([method, path, body])).digest('hex')
  }

  replay(apiKey: string, key: string, fingerprint: string): StoredResponse | undefined {
    const record = this.store.idempotency.get(this.scoped(apiKey, key))
    if (!record) return undefined
    if (record.fingerprint !== fingerprint) {
      throw new StripeError(
        400,
        'idempotency_error',
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      )
    }
    return { status: record.status, body: record.body }
  }

  remember(apiKey: string, key: string, fingerprint: string, response: StoredResponse): void {
    if (response.status >= 500) return
    const record: IdempotencyRecord = { fingerprint, ...response }
    this.store.idempotency.set(this.scoped(apiKey, key), record)
  }

  private scoped(apiKey: string, key: string): string {
    return `${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}:${key}`
  }
}
