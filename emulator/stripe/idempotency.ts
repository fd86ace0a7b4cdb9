import { createHash } from 'node:crypto'

import type { FormObject } from './form-decode'
import { StripeError } from './stripe-error'
import type { IdempotencyRecord, Store } from './store'

/** `executed`: the endpoint ran before the error (an `expand[]` that failed afterwards), so it is not a validation failure. */
export type StoredResponse = { status: number; body: string; executed?: boolean }

/** Stripe's documented limits: keys are up to 255 characters and may be pruned once 24 hours old. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000

/** Errors Stripe raises while validating parameters, before the endpoint runs: never saved under a key. */
const VALIDATION_CODES = new Set(['parameter_unknown', 'parameter_missing', 'parameter_invalid'])

/**
 * `Idempotency-Key` as Stripe implements it: the first response to a key is stored (errors too,
 * except 5xx and requests that failed parameter validation, which never began executing); the
 * same key with the same method, path and parameters replays it; with anything else it is an
 * `idempotency_error`. Keys are scoped to the API key that used them and expire after 24 hours.
 */
export class Idempotency {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Refuses a key Stripe would refuse, before anything runs. */
  checkKey(key: string): void {
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new StripeError(400, 'invalid_request_error', `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long (it is ${key.length}).`)
    }
  }

  fingerprint(method: string, path: string, body: FormObject): string {
    return createHash('sha256').update(JSON.stringify([method, path, body])).digest('hex')
  }

  replay(apiKey: string, key: string, fingerprint: string): StoredResponse | undefined {
    const scoped = this.scoped(apiKey, key)
    const record = this.store.idempotency.get(scoped)
    if (!record) return undefined
    if (this.clock() - (record.createdAt ?? 0) >= IDEMPOTENCY_KEY_TTL_MS) {
      this.store.idempotency.delete(scoped)
      return undefined
    }
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
    if (response.status >= 500 || (!response.executed && failedValidation(response))) return
    const record: IdempotencyRecord = { fingerprint, status: response.status, body: response.body, createdAt: this.clock() }
    this.store.idempotency.set(this.scoped(apiKey, key), record)
  }

  private scoped(apiKey: string, key: string): string {
    return `${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}:${key}`
  }
}

function failedValidation(response: StoredResponse): boolean {
  if (response.status !== 400) return false
  const error = (JSON.parse(response.body) as { error?: { type?: string; code?: string } }).error
  return error?.type === 'invalid_request_error' && VALIDATION_CODES.has(error.code ?? '')
}
