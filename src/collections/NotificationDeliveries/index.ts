import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { staffOnly } from '../../access/staff-only'
import { DELIVERY_STATUSES } from '../../notifications/delivery-status'
import { downloadMail } from './endpoints/download-mail'
import { retryFailed } from './endpoints/retry-failed'
import { nextAttemptAtField } from './fields/next-attempt-at'
import { retryFailedDelivery } from './hooks/retry-failed-delivery'

/**
 * One row per (event, channel, recipient): the idempotency key of a delivery. Staff see failed
 * deliveries here and send them again with "Retry delivery" (one) or "Retry all failed"; emails written to .data/mail are listed here too.
 */
export const NotificationDeliveries: CollectionConfig = {
  slug: 'notification-deliveries',
  labels: { singular: 'Delivery', plural: 'Deliveries' },
  admin: {
    group: 'Notifications',
    useAsTitle: 'key',
    defaultColumns: ['createdAt', 'channel', 'recipient', 'subject', 'status', 'attempts', 'nextAttemptAt', 'lastError'],
    description: 'Slack, email and in-app deliveries of portal events. Failed ones (a channel down past the retry budget) are retried one by one from the row, or all at once above the list.',
    components: { beforeListTable: ['/src/components/admin/RetryFailedDeliveriesButton#RetryFailedDeliveriesButton'] },
  },
  defaultSort: '-createdAt',
  access: { read: staffOnly, update: staffOnly, create: nobody, delete: nobody },
  hooks: { beforeChange: [retryFailedDelivery.beforeChange], afterChange: [retryFailedDelivery.afterChange] },
  endpoints: [downloadMail, retryFailed],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { readOnly: true } },
    { name: 'event', type: 'relationship', relationTo: 'portal-events', required: true, index: true, admin: { readOnly: true } },
    {
      name: 'channel',
      type: 'select',
      required: true,
      options: [
        { label: 'Slack', value: 'slack' },
        { label: 'Email', value: 'email' },
        { label: 'In-app', value: 'in_app' },
      ],
      admin: { readOnly: true },
    },
    { name: 'recipient', type: 'text', required: true, admin: { readOnly: true, description: 'An email address, a user id (in-app) or the Slack route.' } },
    { name: 'recipientUser', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    { name: 'subject', type: 'text', admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: DELIVERY_STATUSES.map((status) => ({ label: status, value: status })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0, admin: { readOnly: true, position: 'sidebar' } },
    nextAttemptAtField,
    { name: 'sentAt', type: 'date', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lastError', type: 'textarea', admin: { readOnly: true } },
    { name: 'mailFile', type: 'text', admin: { readOnly: true, description: 'Without SMTP_URL, the message as written under .data/mail; download it at /api/notification-deliveries/<id>/eml.' } },
    {
      name: 'retry',
      type: 'checkbox',
      label: 'Retry delivery',
      admin: {
        position: 'sidebar',
        description: 'Tick and save to send this failed delivery again.',
        condition: (data) => data?.status === 'failed',
      },
    },
  ],
}
