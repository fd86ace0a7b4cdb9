import { APIError, type CollectionBeforeChangeHook, ValidationError } from 'payload'
import Stripe from 'stripe'

import { isStaff } from '../../../access/actor-memberships'
import { type BillingContactChange, pushStaffBillingContact } from '../../../billing/customer-sync/push-staff-billing-contact'
import { getStripe } from '../../../billing/stripe'
import type { Organization } from '../../../payload-types'

const changed = (data: Partial<Organization>, original: Organization, field: 'billingName' | 'billingEmail') =>
  field in data && (data[field] || null) !== (original[field] || null) ? { [field]: data[field] || null } : {}

/**
 * Staff edits of the company name or billing email reach Stripe before the row is saved (webhook
 * mirrors run without a staff user and are left alone). Stripe refusing a value refuses the save
 * on that field; Stripe being unreachable refuses it with a 503, so the two never disagree.
 */
export const pushBillingContact: CollectionBeforeChangeHook<Organization> = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !isStaff(req) || !originalDoc?.stripeCustomerId) return data
  const change: BillingContactChange = { ...changed(data, originalDoc, 'billingName'), ...changed(data, originalDoc, 'billingEmail') }
  let refusal
  try {
    refusal = await pushStaffBillingContact(getStripe(), originalDoc.stripeCustomerId, change)
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) throw new APIError('Stripe isn’t answering right now, so nothing was changed. Try again in a minute.', 503)
    throw error
  }
  if (refusal) throw new ValidationError({ collection: 'organizations', errors: [{ path: refusal.field, message: `Stripe did not accept this: ${refusal.message}` }], req })
  return data
}
