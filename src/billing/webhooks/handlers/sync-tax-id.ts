import { syncTaxIdVerifications } from '../../tax-ids/sync-tax-id-verifications'
import { syncFromStripe } from './sync-from-stripe'
import type { StripeEventHandler } from './types'

/**
 * `customer.tax_id.created` / `updated` / `deleted`: the tax IDs are part of the details (synced
 * like any change), and their verification status — which Stripe settles after the number was
 * added, announcing it with `customer.tax_id.updated` — is stored beside them.
 */
export const syncTaxId: StripeEventHandler = async (context) => {
  await syncFromStripe(context)
  await syncTaxIdVerifications(context.req, context.organizationId, context)
}
