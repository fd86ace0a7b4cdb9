import type { Organization } from '../../payload-types'
import type { TaxIdSnapshot } from '../customer-sync/billing-snapshot'

type StoredTaxId = NonNullable<Organization['taxIds']>[number]

/**
 * The tax IDs to store when the details change, each keeping the verification status already
 * stored for the same Stripe tax ID: Payload replaces an array as a whole, and the snapshot read
 * from Stripe carries no status (`syncTaxIdVerifications` owns it).
 */
export function keepVerificationStatuses(next: TaxIdSnapshot[], stored: Organization['taxIds']): (TaxIdSnapshot & Pick<StoredTaxId, 'verificationStatus'>)[] {
  return next.map((taxId) => ({ ...taxId, verificationStatus: stored?.find((current) => current.stripeId === taxId.stripeId)?.verificationStatus ?? null }))
}
