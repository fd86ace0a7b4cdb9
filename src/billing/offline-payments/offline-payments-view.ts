import type { Payload } from 'payload'

import { canPerform } from '../../access/can-perform'
import type { Role } from '../../access/roles'
import type { OfflinePaymentStatus } from './offline-payment-statuses'

export type OfflinePaymentSummary = { id: number; status: OfflinePaymentStatus; amount: number; currency: string; paidOn: string; rejectionReason: string | null }

export type OfflinePaymentsView = {
  /** The caller may record a payment here: their role allows it and billing is self-serve (a contract's invoices are settled with its account manager). */
  canReport: boolean
  /** The newest record per invoice id ("waiting for confirmation", "rejected: …"). */
  byInvoice: Record<string, OfflinePaymentSummary>
}

/**
 * What the Invoices page shows about offline payments for the invoices on screen. The collection
 * is staff-only over REST, so this reads past access, scoped here to the caller's organization.
 */
export async function offlinePaymentsView(payload: Payload, { organizationId, actor, invoiceIds }: { organizationId: number; actor: { userId: number; role: Role }; invoiceIds: string[] }): Promise<OfflinePaymentsView> {
  const organization = await payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, select: { billingMode: true } })
  const canReport = organization.billingMode !== 'contract' && canPerform(actor, 'invoices.report_offline_payment').allowed
  if (invoiceIds.length === 0) return { canReport, byInvoice: {} }
  const { docs } = await payload.find({
    collection: 'offline-payments',
    where: { organization: { equals: organizationId }, stripeInvoiceId: { in: invoiceIds } },
    sort: '-createdAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { stripeInvoiceId: true, status: true, amount: true, currency: true, paidOn: true, rejectionReason: true },
  })
  const byInvoice: Record<string, OfflinePaymentSummary> = {}
  for (const doc of docs) {
    byInvoice[doc.stripeInvoiceId] ??= { id: doc.id, status: doc.status, amount: doc.amount, currency: doc.currency, paidOn: doc.paidOn, rejectionReason: doc.rejectionReason ?? null }
  }
  return { canReport, byInvoice }
}
