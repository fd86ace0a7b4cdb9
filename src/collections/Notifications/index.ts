import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { staffOnlyField } from '../../access/staff-only-field'
import { ownNotifications } from './access/own-notifications'

/** In-app notifications: the bell in the portal header. One per (event, user), enforced by `key`. */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  admin: { group: 'Notifications', useAsTitle: 'title', defaultColumns: ['createdAt', 'title', 'user', 'organization', 'readAt'] },
  defaultSort: '-createdAt',
  indexes: [{ fields: ['user', 'organization', 'readAt'] }],
  access: { read: ownNotifications, update: ownNotifications, create: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, access: { update: staffOnlyField }, admin: { readOnly: true } },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, access: { update: staffOnlyField } },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', access: { update: staffOnlyField } },
    { name: 'event', type: 'relationship', relationTo: 'portal-events', access: { update: staffOnlyField } },
    { name: 'type', type: 'text', required: true, access: { update: staffOnlyField } },
    { name: 'title', type: 'text', required: true, access: { update: staffOnlyField } },
    { name: 'body', type: 'textarea', access: { update: staffOnlyField } },
    { name: 'link', type: 'text', access: { update: staffOnlyField } },
    // The only field a customer changes: marking read.
    { name: 'readAt', type: 'date' },
  ],
}
