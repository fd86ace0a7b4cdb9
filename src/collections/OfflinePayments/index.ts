import type { CollectionConfig, Field } from 'payload'

import { nobody } from '../../access/nobody'
import { staffOnly } from '../../access/staff-only'
import { OFFLINE_PAYMENT_STATUSES } from '../../billing/offline-payments/offline-payment-statuses'
import { confirmPayment, rejectPayment } from './endpoints/decide-payment'
import { remittanceEndpoint } from './endpoints/remittance'
import { flagAmountMismatch } from './hooks/flag-amount-mismatch'

/** Written only by src/billing/offline-payments (the customer's report, staff's decision), which audits each step. */
const readOnly = (field: Field): Field => ({ ...field, access: { create: nobody, update: nobody }, admin: { ...field.admin, readOnly: true } } as Field)

/**
 * Wire and cheque payments customers recorded against open invoices (POST
 * /api/billing/invoices/:id/offline-payments). Staff-only: customers see their own through the
 * Invoices page, never over REST. Staff decide with the Confirm / Reject action on the record
 * (Confirm marks the invoice paid out of band in Stripe); nothing is edited by hand.
 */
export const OfflinePayments: CollectionConfig = {
  slug: 'offline-payments',
  labels: { singular: 'Offline payment', plural: 'Offline payments' },
  admin: {
    group: 'Billing',
    useAsTitle: 'reference',
    defaultColumns: ['createdAt', 'organization', 'invoiceNumber', 'amount', 'currency', 'amountMismatch', 'status'],
    listSearchableFields: ['reference', 'invoiceNumber', 'stripeInvoiceId'],
    description: 'Wire and cheque payments customers recorded. Open a reported one, check the money arrived, then Confirm (marks the Stripe invoice paid) or Reject with a reason. Amounts are in the currency’s minor unit (cents).',
  },
  defaultSort: '-createdAt',
  access: { read: staffOnly, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeChange: [flagAmountMismatch] },
  endpoints: [confirmPayment, rejectPayment, remittanceEndpoint],
  fields: [
    readOnly({ name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, index: true }),
    readOnly({ name: 'stripeInvoiceId', type: 'text', required: true, index: true }),
    readOnly({ name: 'invoiceNumber', type: 'text' }),
    readOnly({ name: 'amount', type: 'number', required: true, admin: { description: 'What the customer says they paid, in minor units.' } }),
    readOnly({ name: 'currency', type: 'text', required: true }),
    readOnly({ name: 'amountDue', type: 'number', required: true, admin: { description: 'The invoice’s amount due when it was reported, in minor units.' } }),
    readOnly({ name: 'amountMismatch', type: 'checkbox', defaultValue: false, admin: { description: 'The amount is not the amount due: check before confirming.' } }),
    readOnly({ name: 'paidOn', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } }),
    readOnly({ name: 'reference', type: 'text', required: true }),
    readOnly({ name: 'remittance', type: 'text', admin: { description: 'The remittance advice the customer attached, if any: open this address (staff only).' } }),
    readOnly({ name: 'status', type: 'select', required: true, defaultValue: 'reported', index: true, options: OFFLINE_PAYMENT_STATUSES.map((status) => ({ label: status, value: status })), admin: { position: 'sidebar' } }),
    readOnly({ name: 'rejectionReason', type: 'textarea' }),
    readOnly({ name: 'reportedBy', type: 'relationship', relationTo: 'users', index: true, admin: { position: 'sidebar' } }),
    readOnly({ name: 'decidedBy', type: 'relationship', relationTo: 'staff', index: true, admin: { position: 'sidebar' } }),
    readOnly({ name: 'decidedAt', type: 'date', admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } }),
    {
      // An action, not data: the buttons POST to the confirm / reject endpoints above.
      name: 'decisionAction',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/components/admin/OfflinePaymentDecision#OfflinePaymentDecision' } },
    },
  ],
}
