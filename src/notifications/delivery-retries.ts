import type { TaskConfig } from 'payload'

/** Attempts after the first; with a 2 s base the waits are 2, 4, 8, 16, 32, 64 s (~2 min in all). */
export const DELIVERY_RETRIES = 6
export const DELIVERY_BACKOFF_MS = 2_000

export const deliveryRetries: TaskConfig['retries'] = { attempts: DELIVERY_RETRIES, backoff: { type: 'exponential', delay: DELIVERY_BACKOFF_MS } }
