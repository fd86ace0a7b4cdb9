import type { Payload } from 'payload'
import type Stripe from 'stripe'

import type { AuditActor } from '../../src/audit/actor'
import { recordPortalChange } from '../../src/audit/record-portal-change'
import { lockRow } from '../../src/lib/lock-row'
import { withTransaction } from '../../src/lib/with-transaction'
import { refreshOrganizationFromStripe } from '../../src/billing/customer-sync/refresh-organization-from-stripe'
import { seedStripeDemo } from './seed-stripe-demo'

const DEMO_SEED: AuditActor = { kind: 'system', label: 'demo seed' }

/**
 * The demo's billing (local emulator only, run by `npm start`'s database step): every Stripe-billed
 * organization gets its demo customer — a year of invoices, a card, a subscription — and its
 * `stripeCustomerId` and billing snapshot, read back from the emulator. Idempotent: customers are
 * found again by organization id, so a restart (or a database reset) links instead of duplicating.
 */
export async function seedDemoBilling(payload: Payload, stripe: Stripe): Promise<number> {
  const { docs: organizations } = await payload.find({ collection: 'organizations', where: { billingMode: { equals: 'stripe' } }, pagination: false, depth: 0, overrideAccess: true })
  const seeded = await seedStripeDemo(stripe, {
    customers: organizations.map((organization) => ({
      name: organization.name,
      email: organization.billingEmail || `billing+${organization.id}@example.test`,
      metadata: { organizationId: String(organization.id) },
    })),
  })
  for (const { organizationId, customerId } of seeded) {
    const id = Number(organizationId)
    await withTransaction(payload, async (req) => {
      await lockRow(req, 'organizations', id)
      const organization = await payload.findByID({ collection: 'organizations', id, depth: 0, overrideAccess: true, req })
      if (organization.stripeCustomerId !== customerId) {
        await recordPortalChange(
          req,
          { actor: DEMO_SEED, organization: id, entity: { type: 'organizations', id }, action: 'billing.customer_linked', before: { stripeCustomerId: organization.stripeCustomerId ?? null } },
          async (txReq) => {
            await payload.update({ collection: 'organizations', id, data: { stripeCustomerId: customerId }, depth: 0, overrideAccess: true, req: txReq })
            return { after: { stripeCustomerId: customerId } }
          },
        )
      }
      await refreshOrganizationFromStripe(req, id, { stripe, actor: DEMO_SEED })
    })
  }
  return seeded.length
}
