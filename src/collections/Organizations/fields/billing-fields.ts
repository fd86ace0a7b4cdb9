import type { Field } from 'payload'

import { nobody } from '../../../access/nobody'
import { staffOnlyField } from '../../../access/staff-only-field'
import { billingFieldsReadable } from '../access/billing-fields-readable'

/**
 * The organization's copy of its Stripe customer. Stripe is the source of truth: the portal writes
 * billing details to Stripe first (src/billing/customer-sync) and webhooks bring Stripe-side
 * changes back, so no API — not even staff in /admin — may write these fields directly.
 */
const stripeOwned = { read: billingFieldsReadable, create: nobody, update: nobody }

const text = (name: string, label?: string): Field => ({ name, type: 'text', label, access: stripeOwned })
/** Inside a group or array the parent's access already applies. */
const inner = (name: string, label?: string): Field => ({ name, type: 'text', label })

export const organizationBillingFields: Field[] = [
  {
    type: 'collapsible',
    label: 'Billing (synced with Stripe)',
    admin: { initCollapsed: true, description: 'Edited by customers on the Billing screen or in Stripe; kept in sync by webhooks. Staff may correct the company name (and the billing email above); it is saved to Stripe first. The rest is read-only here.' },
    fields: [
      // Staff may correct the name on invoices; the save goes to Stripe first (hooks/push-billing-contact.ts).
      { ...text('billingName', 'Company name on invoices'), maxLength: 200, access: { ...stripeOwned, update: staffOnlyField } } as Field,
      {
        name: 'address',
        type: 'group',
        access: stripeOwned,
        fields: [inner('line1'), inner('line2'), inner('city'), inner('postalCode'), inner('state'), inner('country', 'Country (ISO code)')],
      },
      {
        name: 'taxIds',
        label: 'Tax IDs',
        type: 'array',
        access: stripeOwned,
        fields: [
          inner('type'),
          inner('value'),
          inner('stripeId', 'Stripe id'),
          {
            ...inner('verificationStatus', 'Verification'),
            admin: { description: 'Stripe’s check against the tax authority: pending, verified, unverified or unavailable (not checked for this type).' },
          } as Field,
        ],
      },
      {
        name: 'plan',
        type: 'group',
        access: stripeOwned,
        fields: [
          inner('subscriptionId'),
          inner('priceId'),
          inner('productName'),
          inner('status'),
          { name: 'unitAmount', type: 'number', admin: { description: 'Smallest currency unit, as Stripe counts it.' } },
          inner('currency'),
          inner('interval'),
          { name: 'currentPeriodEnd', type: 'date' },
          { name: 'cancelAtPeriodEnd', type: 'checkbox' },
        ],
      },
      {
        name: 'paymentMethod',
        label: 'Card on file',
        type: 'group',
        access: stripeOwned,
        fields: [inner('stripeId', 'Stripe id'), inner('brand'), inner('last4'), { name: 'expMonth', type: 'number' }, { name: 'expYear', type: 'number' }],
      },
      {
        // Out-of-order safety doesn't rest on this (handlers re-read Stripe under a row lock); it tells support how fresh the copy is.
        name: 'stripeSyncedAt',
        type: 'date',
        access: stripeOwned,
        admin: { description: 'When a change last came from Stripe or went to it.', date: { pickerAppearance: 'dayAndTime' } },
      },
    ],
  },
]
