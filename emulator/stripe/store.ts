import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { stripeId } from './ids'

/**
 * A Stripe object as JSON. The emulator is a wire-format server: it stores and returns plain JSON,
 * so fields are `any` here and the shape is pinned by the factories and the real-shape test.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StripeObject = { id: string; object: string; [field: string]: any }

/** `createdAt` (ms) is absent in state files written before keys expired; such records count as expired. */
export type IdempotencyRecord = { fingerprint: string; status: number; body: string; createdAt?: number }

export type DeliveryAttempt = {
  eventId: string
  url: string
  attempt: number
  status: number | null
  error: string | null
  at: number
}

type PersistedState = {
  version: 1
  sequence: number
  objects: StripeObject[]
  idempotency: Record<string, IdempotencyRecord>
  deliveries: DeliveryAttempt[]
}

/**
 * Every object the emulator knows, in creation order, optionally mirrored to a JSON file so the
 * demo keeps its customers and invoices across restarts. Writes go to a temp file then rename, so
 * a crash mid-write never leaves half a state file.
 */
export class Store {
  private sequence = 0
  private readonly objects = new Map<string, StripeObject>()
  readonly idempotency = new Map<string, IdempotencyRecord>()
  readonly deliveries: DeliveryAttempt[] = []

  constructor(private readonly dataFile?: string) {
    if (dataFile && existsSync(dataFile)) this.load(JSON.parse(readFileSync(dataFile, 'utf8')) as PersistedState)
  }

  newId(prefix: string): string {
    return stripeId(prefix, ++this.sequence)
  }

  /** Objects are returned as copies so a handler can never change stored state by accident. */
  get(id: string): StripeObject | undefined {
    const found = this.objects.get(id)
    return found && structuredClone(found)
  }

  getOfType(object: string, id: string): StripeObject | undefined {
    const found = this.objects.get(id)
    return found?.object === object ? structuredClone(found) : undefined
  }

  put(value: StripeObject): StripeObject {
    this.objects.set(value.id, structuredClone(value))
    return value
  }

  remove(id: string): void {
    this.objects.delete(id)
  }

  /** Newest first, the order of Stripe's list endpoints. */
  list(object: string, where: (value: StripeObject) => boolean = () => true): StripeObject[] {
    return [...this.objects.values()].filter((value) => value.object === object && where(value)).reverse().map((value) => structuredClone(value))
  }

  save(): void {
    if (!this.dataFile) return
    const state: PersistedState = {
      version: 1,
      sequence: this.sequence,
      objects: [...this.objects.values()],
      idempotency: Object.fromEntries(this.idempotency),
      deliveries: this.deliveries,
    }
    mkdirSync(path.dirname(this.dataFile), { recursive: true })
    const temporary = `${this.dataFile}.tmp`
    writeFileSync(temporary, JSON.stringify(state))
    renameSync(temporary, this.dataFile)
  }

  private load(state: PersistedState): void {
    this.sequence = state.sequence
    for (const value of state.objects) this.objects.set(value.id, value)
    for (const [key, record] of Object.entries(state.idempotency)) this.idempotency.set(key, record)
    this.deliveries.push(...state.deliveries)
  }
}
