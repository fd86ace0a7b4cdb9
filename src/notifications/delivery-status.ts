/**
 * pending → sent; a failure goes to retrying (the job retries with backoff) and, after the last
 * attempt, to failed (staff retry it from /admin). "Being sent" is a row lock, not a status.
 */
export const DELIVERY_STATUSES = ['pending', 'retrying', 'sent', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
