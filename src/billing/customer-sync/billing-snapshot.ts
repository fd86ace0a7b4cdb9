import type { Organization } from '../../payload-types'

/**
 * The portal's copy of a Stripe customer, in three parts that change independently and are
 * announced differently: billing details, the plan, and the card on file. The same shape is read
 * from Stripe (`fetchStripeSnapshot`) and from the organization (`snapshotOfOrganization`), so
 * "did anything change?" is one comparison.
 */
export type Address = { line1: string | null; line2: string | null; city: string | null; postalCode: string | null; state: string | null; country: string | null }
export type TaxIdSnapshot = { type: string; value: string; stripeId: string }

export type BillingDetailsSnapshot = { billingName: string | null; billingEmail: string | null; address: Address; taxIds: TaxIdSnapshot[] }

export type PlanSnapshot = {
  subscriptionId: string | null
  priceId: string | null
  productName: string | null
  status: string | null
  unitAmount: number | null
  currency: string | null
  interval: string | null
  /** ISO 8601, as Payload stores dates. */
  currentPeriodEnd: string | null
  cancelAtPeriodEnd: boolean
}

export type CardSnapshot = { stripeId: string | null; brand: string | null; last4: string | null; expMonth: number | null; expYear: number | null }

export type BillingSnapshot = { details: BillingDetailsSnapshot; plan: PlanSnapshot; paymentMethod: CardSnapshot }
export type BillingAspect = keyof BillingSnapshot

export const BILLING_ASPECTS: BillingAspect[] = ['details', 'plan', 'paymentMethod']

export const NO_ADDRESS: Address = { line1: null, line2: null, city: null, postalCode: null, state: null, country: null }
export const NO_PLAN: PlanSnapshot = { subscriptionId: null, priceId: null, productName: null, status: null, unitAmount: null, currency: null, interval: null, currentPeriodEnd: null, cancelAtPeriodEnd: false }
export const NO_CARD: CardSnapshot = { stripeId: null, brand: null, last4: null, expMonth: null, expYear: null }

const orNull = <T>(value: T | null | undefined): T | null => (value === undefined || value === '' ? null : value)

export function snapshotOfOrganization(organization: Organization): BillingSnapshot {
  const address = organization.address ?? {}
  const plan = organization.plan ?? {}
  const card = organization.paymentMethod ?? {}
  return {
    details: {
      billingName: orNull(organization.billingName),
      billingEmail: orNull(organization.billingEmail),
      address: {
        line1: orNull(address.line1),
        line2: orNull(address.line2),
        city: orNull(address.city),
        postalCode: orNull(address.postalCode),
        state: orNull(address.state),
        country: orNull(address.country),
      },
      taxIds: (organization.taxIds ?? []).map((taxId) => ({ type: taxId.type ?? '', value: taxId.value ?? '', stripeId: taxId.stripeId ?? '' })),
    },
    plan: {
      subscriptionId: orNull(plan.subscriptionId),
      priceId: orNull(plan.priceId),
      productName: orNull(plan.productName),
      status: orNull(plan.status),
      unitAmount: orNull(plan.unitAmount),
      currency: orNull(plan.currency),
      interval: orNull(plan.interval),
      currentPeriodEnd: plan.currentPeriodEnd ? new Date(plan.currentPeriodEnd).toISOString() : null,
      cancelAtPeriodEnd: plan.cancelAtPeriodEnd ?? false,
    },
    paymentMethod: { stripeId: orNull(card.stripeId), brand: orNull(card.brand), last4: orNull(card.last4), expMonth: orNull(card.expMonth), expYear: orNull(card.expYear) },
  }
}

/** The organization fields an aspect is stored in. */
export function organizationDataFor<A extends BillingAspect>(aspect: A, value: BillingSnapshot[A]): Partial<Organization> {
  if (aspect === 'details') {
    const details = value as BillingDetailsSnapshot
    return { billingName: details.billingName, billingEmail: details.billingEmail, address: details.address, taxIds: details.taxIds }
  }
  return { [aspect]: value }
}

export const sameSnapshot = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

export const cardLabel = (card: CardSnapshot): string | null => (card.last4 ? `${card.brand ?? 'card'} ••••${card.last4}` : null)
