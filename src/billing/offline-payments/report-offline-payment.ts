import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import type Stripe from 'stripe'

import type { AuditActor } from '../../audit/actor'
import { commitPortalChange } from '../../audit/record-portal-change'
import type { PortalUser } from '../../auth/portal-session'
import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { transactionDb } from '../../lib/transaction-db'
import { assertSelfServeBilling } from '../contract/assert-self-serve-billing'
import { currencyDigits } from '../invoices/currency-digits'
import { findOrganizationInvoice } from '../invoices/find-organization-invoice'
import { organizationStripeCustomer } from '../invoices/organization-stripe-customer'
import { majorToMinorUnits } from '../minor-units'
import { offlinePaymentEventData } from './offline-payment-event-data'
import type { OfflinePaymentInput } from './offline-payment-input'
import { readRemittance } from './remittance-file'

export type ReportedOfflinePayment = { id: number; status: 'reported'; amount: number; amountDue: number; currency: string; amountMismatch: boolean }

const invalid = (field: string, message: string) => new PortalError('invalid_request', t('api.error.invalid'), { [field]: message })

/** A day ahead of UTC is still "today" somewhere (UTC+14), so that much is allowed. */
function isFuture(day: string, now: Date): boolean {
  return Date.parse(`${day}T00:00:00Z`) > now.getTime() + 86_400_000
}

/**
 * A customer's record of a wire or cheque against one of their organization's open invoices,
 * stored as `reported` for staff to confirm. An amount that differs from the amount due is
 * flagged, not refused (part payments and bank fees happen). Everything is checked before the one
 * transaction that writes the record, its remittance file, its audit row and its event.
 */
export async function reportOfflinePayment(
  payload: Payload,
  { stripe, user, organizationId, invoiceId, input, actor, now }: { stripe: Stripe; user: PortalUser; organizationId: number; invoiceId: string | undefined; input: OfflinePaymentInput; actor: AuditActor; now: Date },
): Promise<ReportedOfflinePayment> {
  await assertSelfServeBilling(payload, organizationId)
  if (isFuture(input.paidOn, now)) throw invalid('paidOn', t('offlinePayments.error.paidOnFuture'))
  const remittance = input.remittance ? readRemittance(input.remittance) : null
  const invoice = await findOrganizationInvoice(stripe, await organizationStripeCustomer(payload, user, organizationId), invoiceId)
  if (invoice.status !== 'open') throw new PortalError('conflict', t('offlinePayments.error.notOpen'))
  const amount = majorToMinorUnits(input.amount, currencyDigits(invoice.currency))
  if (amount === null) throw invalid('amount', t('offlinePayments.error.amountDigits', { digits: currencyDigits(invoice.currency) }))
  const waiting = await payload.count({ collection: 'offline-payments', where: { stripeInvoiceId: { equals: invoice.id }, status: { equals: 'reported' } }, overrideAccess: true })
  if (waiting.totalDocs > 0) throw new PortalError('conflict', t('offlinePayments.error.alreadyReported'))

  const record = { stripeInvoiceId: invoice.id, invoiceNumber: invoice.number, amount, currency: invoice.currency, amountDue: invoice.amount_due, paidOn: `${input.paidOn}T00:00:00.000Z`, reference: input.reference }
  const { entityId, after } = await commitPortalChange(
    payload,
    { actor, organization: organizationId, entity: { type: 'offline-payments' }, action: 'billing.offline_payment_reported', event: { type: 'billing.offline_payment_reported', data: offlinePaymentEventData(record) } },
    async (req) => {
      const created = await payload.create({ collection: 'offline-payments', data: { ...record, organization: organizationId, status: 'reported', reportedBy: user.id }, depth: 0, overrideAccess: true, req })
      if (remittance) {
        // Kept in PostgreSQL (the only stateful service), committed with the record it belongs to.
        const db = await transactionDb(req)
        await db.execute(sql`INSERT INTO offline_payment_remittances (offline_payment_id, mime_type, size_bytes, data) VALUES (${created.id}, ${remittance.mimeType}, ${remittance.bytes.length}, ${remittance.bytes})`)
        await payload.update({ collection: 'offline-payments', id: created.id, data: { remittance: `/api/offline-payments/${created.id}/remittance` }, depth: 0, overrideAccess: true, req })
      }
      return { entityId: created.id, after: { ...record, amountMismatch: created.amountMismatch ?? false, remittance: remittance ? remittance.mimeType : null } }
    },
  )
  const saved = after as { amountMismatch: boolean }
  return { id: Number(entityId), status: 'reported', amount, amountDue: invoice.amount_due, currency: invoice.currency, amountMismatch: saved.amountMismatch }
}
