/**
 * The Stripe API version Portico is written against: the one stripe@23.1.0 was generated for.
 * Pinned here rather than read from the SDK so an SDK upgrade cannot silently change the shapes
 * the app receives (a unit test fails until this line is updated on purpose). Webhook endpoints
 * must be created with the same version so events match.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const
