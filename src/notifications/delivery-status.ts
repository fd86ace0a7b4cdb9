/**
 * pending → sending (claimed by one worker) → sent; a failure goes to retrying (the job retries
 * with backoff) and, after the last attempt, to failed (staff retry it from /admin).
 */
export const DELIVERY_STATUSES = ['pending', 'sending', 'retrying', 'sent', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
