import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import type { AuditActor } from '../../audit/actor'
import { recordPortalChange } from '../../audit/record-portal-change'

/**
 * Stores Stripe's `verification.status` of each of the organization's tax IDs (pending while
 * Stripe asks the tax authority, then verified or unverified; unavailable for types Stripe doesn't
 * check), re-read from Stripe rather than taken from an event, in the caller's transaction. The
 * tax IDs themselves are synced with the rest of the details first; nothing changed → nothing written.
 */
export async function syncTaxIdVerifications(req: PayloadRequest, organizationId: number, { stripe, actor }: { stripe: Stripe; actor: AuditActor }): Promise<void> {
  const organization = await req.payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, req })
  const stored = organization.taxIds ?? []
  if (!organization.stripeCustomerId || stored.length === 0) return
  const inStripe = (await stripe.customers.listTaxIds(organization.stripeCustomerId, { limit: 100 })).data
  const statusOf = (stripeId: string | null | undefined) => inStripe.find((taxId) => taxId.id === stripeId)?.verification?.status ?? null
  const changed = stored.filter((taxId) => statusOf(taxId.stripeId) !== (taxId.verificationStatus ?? null))
  if (changed.length === 0) return

  const verification = (taxIds: typeof stored, status: (taxId: (typeof stored)[number]) => string | null) =>
    Object.fromEntries(taxIds.map((taxId) => [taxId.value ?? '', status(taxId)]))
  await recordPortalChange(
    req,
    {
      actor,
      organization: organizationId,
      entity: { type: 'organizations', id: organizationId },
      action: 'billing.tax_id_verification_changed',
      before: { verification: verification(changed, (taxId) => taxId.verificationStatus ?? null) },
    },
    async (txReq) => {
      await txReq.payload.update({
        collection: 'organizations',
        id: organizationId,
        data: { taxIds: stored.map((taxId) => ({ ...taxId, verificationStatus: statusOf(taxId.stripeId) })) },
        depth: 0,
        overrideAccess: true,
        req: txReq,
      })
      return { after: { verification: verification(changed, (taxId) => statusOf(taxId.stripeId)) } }
    },
  )
}
