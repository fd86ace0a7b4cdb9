import type { CollectionConfig } from 'payload'

import { staffOnlyField } from '../../access/staff-only-field'
import { CUSTOMER_CHANNELS, isEventType } from '../../notifications/event-catalog'
import { createOwnPreference } from './access/create-own-preference'
import { ownPreferences } from './access/own-preferences'

/** Per user × organization × event type × channel; a missing row means the catalog or staff default. */
export const NotificationPreferences: CollectionConfig = {
  slug: 'notification-preferences',
  admin: { group: 'Notifications', defaultColumns: ['user', 'organization', 'eventType', 'channel', 'enabled'] },
  indexes: [{ fields: ['user', 'organization', 'eventType', 'channel'], unique: true }],
  access: { read: ownPreferences, create: createOwnPreference, update: ownPreferences, delete: ownPreferences },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, access: { update: staffOnlyField } },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, access: { update: staffOnlyField } },
    {
      name: 'eventType',
      type: 'text',
      required: true,
      validate: (value: unknown) => isEventType(value) || `Unknown event type ${String(value)}.`,
    },
    { name: 'channel', type: 'select', required: true, options: CUSTOMER_CHANNELS.map((channel) => ({ label: channel, value: channel })) },
    { name: 'enabled', type: 'checkbox', required: true, defaultValue: true },
  ],
}
