import type { Payload } from 'payload'
import Stripe from 'stripe'

import type { AuditActor } from '../../audit/actor'
import { PortalError } from '../../lib/api/portal-error'
import { withTransaction } from '../../lib/with-transaction'
import { compactTaxId } from '../tax-ids/compact-tax-id'
import { syncTaxIdVerifications } from '../tax-ids/sync-tax-id-verifications'
import { applyBillingSnapshot } from './apply-billing-snapshot'
import type { BillingDetailsInput } from './billing-details-schema'
import type { BillingDetailsSnapshot } from './billing-snapshot'
import { ensureStripeCustomer } from './ensure-stripe-customer'
import { fetchStripeSnapshot } from './fetch-stripe-snapshot'
import { assertSelfServeBilling } from '../contract/assert-self-serve-billing'
import { t } from '../../i18n/t'

/** Stripe's parameter names → the form's field names, so Stripe's own validation lands on the right input. */
const FIELD_FOR_PARAM: Record<string, string> = {
  name: 'billingName',
  email: 'billingEmail',
  'address[line1]': 'address.line1',
  'address[line2]': 'address.line2',
  'address[city]': 'address.city',
  'address[postal_code]': 'address.postalCode',
  'address[state]': 'address.state',
  'address[country]': 'address.country',
}

function rejected(error: unknown, field: string | undefined): never {
  if (error instanceof Stripe.errors.StripeInvalidRequestError && field) {
    throw new PortalError('invalid_request', t('billing.details.error.stripeRefused'), { [field]: error.message })
  }
  throw error
}

/**
 * Saves the invoice details, already checked per country by `BillingDetailsInput`: Stripe first
 * (it is the source of truth, and its own refusals still land on the field they concern),
 * then the organization's copy re-read from Stripe, audited as the customer's change — all while
 * holding the organization row, so a webhook for the same customer waits and then finds nothing new.
 * The tax IDs' verification status as Stripe has it after the save is stored with them.
 * New tax IDs are created before anything else changes; if Stripe rejects one, the ones just
 * created are removed again and nothing else was touched.
 */
export async function updateBillingDetails(
  payload: Payload,
  { organizationId, input, actor, stripe }: { organizationId: number; input: BillingDetailsInput; actor: AuditActor; stripe: Stripe },
): Promise<BillingDetailsSnapshot> {
  await assertSelfServeBilling(payload, organizationId)
  return withTransaction(payload, async (req) => {
    const { organization, customerId } = await ensureStripeCustomer(req, organizationId, { stripe, actor })
    const existing = (await stripe.customers.listTaxIds(customerId, { limit: 100 })).data
    // Compared as compact characters: Stripe may store a number with other punctuation than we sent.
    const isSame = (a: { type: string; value: string }, b: { type: string; value: string }) => a.type === b.type && compactTaxId(a.value) === compactTaxId(b.value)

    const created: string[] = []
    for (const [index, taxId] of input.taxIds.entries()) {
      if (existing.some((current) => isSame(current, taxId)) || input.taxIds.slice(0, index).some((earlier) => isSame(earlier, taxId))) continue
      try {
        created.push((await stripe.customers.createTaxId(customerId, { type: taxId.type, value: taxId.value })).id)
      } catch (error) {
        for (const id of created) await stripe.customers.deleteTaxId(customerId, id)
        rejected(error, `taxIds.${index}.value`)
      }
    }
    const { address } = input
    const hasAddress = Object.values(address).some(Boolean)
    try {
      await stripe.customers.update(customerId, {
        name: input.billingName,
        email: input.billingEmail,
        // '' unsets a field in Stripe; an empty address is unset as a whole.
        address: hasAddress ? { line1: address.line1, line2: address.line2, city: address.city, postal_code: address.postalCode, state: address.state, country: address.country } : '',
      })
    } catch (error) {
      for (const id of created) await stripe.customers.deleteTaxId(customerId, id)
      rejected(error, error instanceof Stripe.errors.StripeError ? FIELD_FOR_PARAM[error.param ?? ''] : undefined)
    }
    for (const stale of existing.filter((current) => !input.taxIds.some((taxId) => isSame(current, taxId)))) {
      await stripe.customers.deleteTaxId(customerId, stale.id)
    }

    const snapshot = await fetchStripeSnapshot(stripe, customerId)
    if (!snapshot) throw new PortalError('conflict', t('billing.details.error.customerDeleted'))
    await applyBillingSnapshot(req, organization, snapshot, actor, ['details'])
    await syncTaxIdVerifications(req, organizationId, { stripe, actor })
    return snapshot.details
  })
}
