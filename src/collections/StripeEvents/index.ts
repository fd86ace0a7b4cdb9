import type { CollectionConfig, Field } from 'payload'

import { nobody } from '../../access/nobody'
import { staffOnly } from '../../access/staff-only'
import { retryEvent } from './endpoints/retry-event'

export const STRIPE_EVENT_STATUSES = ['received', 'processed', 'failed', 'ignored'] as const
export type StripeEventStatus = (typeof STRIPE_EVENT_STATUSES)[number]

/** Written only by the webhook route and the processing job; staff retry a row through its Retry action. */
const readOnly = { create: nobody, update: nobody }
const ledgerField = (field: Field): Field => ({ ...field, access: readOnly, admin: { ...field.admin, readOnly: true } } as Field)

/**
 * The Stripe webhook ledger, keyed by Stripe's event id: every verified delivery lands here once
 * (a duplicate delivery finds its row and is acknowledged without processing), then a job
 * processes it. Staff read it in /admin and over REST, filter by status/type, and retry failures.
 */
export const StripeEvents: CollectionConfig = {
  slug: 'stripe-events',
  labels: { singular: 'Stripe event', plural: 'Stripe events' },
  admin: {
    group: 'Billing',
    useAsTitle: 'eventId',
    defaultColumns: ['createdAt', 'type', 'status', 'attempts', 'organization', 'eventId'],
    listSearchableFields: ['eventId', 'type', 'customerId'],
    description: 'Every verified Stripe webhook, once per event id. Filter by status to find failures; open one and press Retry to process it again.',
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  access: { read: staffOnly, create: nobody, update: nobody, delete: nobody },
  endpoints: [retryEvent],
  fields: [
    ledgerField({ name: 'eventId', type: 'text', required: true, unique: true, index: true }),
    ledgerField({ name: 'type', type: 'text', required: true, index: true }),
    ledgerField({
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'received',
      index: true,
      options: STRIPE_EVENT_STATUSES.map((status) => ({ label: status, value: status })),
    }),
    ledgerField({ name: 'reason', type: 'text', admin: { description: 'Why an event was acknowledged but not applied.' } }),
    ledgerField({ name: 'attempts', type: 'number', defaultValue: 0 }),
    ledgerField({ name: 'lastError', type: 'textarea' }),
    ledgerField({ name: 'customerId', type: 'text', index: true }),
    ledgerField({ name: 'organization', type: 'relationship', relationTo: 'organizations', index: true }),
    ledgerField({ name: 'apiVersion', type: 'text' }),
    ledgerField({ name: 'eventCreatedAt', type: 'date', index: true, admin: { description: 'Stripe’s `created` for the event.', date: { pickerAppearance: 'dayAndTime' } } }),
    ledgerField({ name: 'processedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }),
    ledgerField({ name: 'event', type: 'json', required: true }),
    {
      // An action, not data: the button POSTs to the retry endpoint above.
      name: 'retryAction',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/components/admin/RetryStripeEventButton#RetryStripeEventButton' } },
    },
  ],
}
