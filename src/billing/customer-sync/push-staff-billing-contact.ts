import Stripe from 'stripe'

/** The two fields staff may correct in /admin, by the organization field and Stripe's parameter they map to. */
export type BillingContactChange = { billingName?: string | null; billingEmail?: string | null }

export type PushRefusal = { field: 'billingName' | 'billingEmail'; message: string }

/**
 * A staff correction of the company name or billing email, sent to Stripe before it is saved,
 * exactly as a customer's edit on the Billing screen is: Stripe stays the source of truth (the
 * next invoice carries it) and its `customer.updated` webhook then finds nothing new to mirror.
 * Stripe refusing a value returns the field and Stripe's message, so the save can be refused with it.
 */
export async function pushStaffBillingContact(stripe: Stripe, customerId: string, change: BillingContactChange): Promise<PushRefusal | null> {
  const params: Stripe.CustomerUpdateParams = {
    // '' unsets a field in Stripe.
    ...(change.billingName !== undefined ? { name: change.billingName ?? '' } : {}),
    ...(change.billingEmail !== undefined ? { email: change.billingEmail ?? '' } : {}),
  }
  if (Object.keys(params).length === 0) return null
  try {
    await stripe.customers.update(customerId, params)
    return null
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError) return { field: error.param === 'email' ? 'billingEmail' : 'billingName', message: error.message }
    throw error
  }
}
