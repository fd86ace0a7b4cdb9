import type { CollectionConfig } from 'payload'

import { nobody } from '../access/nobody'
import { staffOnly } from '../access/staff-only'
import { isEventType } from '../notifications/event-catalog'

/**
 * The transactional outbox: one row per thing worth telling someone, inserted in the same
 * transaction as the change (with the job that dispatches it), so a committed change always has its event.
 */
export const PortalEvents: CollectionConfig = {
  slug: 'portal-events',
  labels: { singular: 'Portal event', plural: 'Portal events' },
  admin: { group: 'Audit', useAsTitle: 'type', defaultColumns: ['createdAt', 'type', 'organization', 'actorLabel', 'dispatchedAt'] },
  defaultSort: '-createdAt',
  access: { read: staffOnly, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'type',
      type: 'text',
      required: true,
      index: true,
      // Plain text checked against the catalog: a new event type is one catalog entry, not a migration.
      validate: (value: unknown) => isEventType(value) || `Unknown event type ${String(value)}.`,
    },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', index: true },
    { name: 'audit', type: 'relationship', relationTo: 'portal-audit' },
    { name: 'actorLabel', type: 'text' },
    { name: 'data', type: 'json' },
    { name: 'dispatchedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
