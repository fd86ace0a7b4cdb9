/** reported (by the customer, waiting for staff) → confirmed (Stripe marked the invoice paid out of band) | rejected (with a reason). */
export const OFFLINE_PAYMENT_STATUSES = ['reported', 'confirmed', 'rejected'] as const
export type OfflinePaymentStatus = (typeof OFFLINE_PAYMENT_STATUSES)[number]
