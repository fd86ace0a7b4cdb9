import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, Field } from 'payload'

import { staffOnly } from '../access/staff-only'
import { queueStripeEventProcessing } from '../billing/webhooks/queue-stripe-event-processing'
import { nobody } from './PortalAudit/access/nobody'

export const STRIPE_EVENT_STATUSES = ['received', 'processed', 'failed', 'ignored'] as const
export type StripeEventStatus = (typeof STRIPE_EVENT_STATUSES)[number]

const REQUEUED = 'porticoStripeEventRequeued'

/** Written only by the webhook route and the processing job; staff may only tick `retry`. */
const readOnly = { create: () => false, update: () => false }
const ledgerField = (field: Field): Field => ({ ...field, access: readOnly, admin: { ...field.admin, readOnly: true } } as Field)

/** Staff ticked "retry": back to `received`, and (after the write) a fresh processing job. */
const requeueOnRetry: CollectionBeforeChangeHook = ({ data, operation, context }) => {
  if (operation !== 'update' || !data.retry) return data
  context[REQUEUED] = true
  return { ...data, retry: false, status: 'received', reason: null }
}

const queueAfterRetry: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (context[REQUEUED]) await queueStripeEventProcessing(req, doc.id)
  return doc
}

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
    description: 'Every verified Stripe webhook, once per event id. Filter by status to find failures; tick "Retry" on one to process it again.',
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  access: { read: staffOnly, create: nobody, update: staffOnly, delete: nobody },
  hooks: { beforeChange: [requeueOnRetry], afterChange: [queueAfterRetry] },
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
      name: 'retry',
      type: 'checkbox',
      defaultValue: false,
      access: { create: () => false, update: ({ req }) => req.user?.collection === 'staff' },
      admin: { position: 'sidebar', description: 'Tick and save to process this event again (idempotent: unchanged state stays unchanged).' },
    },
  ],
}
