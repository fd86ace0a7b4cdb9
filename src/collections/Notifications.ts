import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { isStaff } from '../access/actor-memberships'
import { nobody } from './PortalAudit/access/nobody'

/** A customer sees and marks only their own notifications. */
const ownNotifications: Access = ({ req }) => {
  if (isStaff(req)) return true
  if (req.user?.collection !== 'users') return false
  return { user: { equals: req.user.id } }
}

const onlyStaff: FieldAccess = ({ req }) => isStaff(req)

/** In-app notifications: the bell in the portal header. One per (event, user), enforced by `key`. */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  admin: { group: 'Notifications', useAsTitle: 'title', defaultColumns: ['createdAt', 'title', 'user', 'organization', 'readAt'] },
  defaultSort: '-createdAt',
  indexes: [{ fields: ['user', 'organization', 'readAt'] }],
  access: { read: ownNotifications, update: ownNotifications, create: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, access: { update: onlyStaff }, admin: { readOnly: true } },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, access: { update: onlyStaff } },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', access: { update: onlyStaff } },
    { name: 'event', type: 'relationship', relationTo: 'portal-events', access: { update: onlyStaff } },
    { name: 'type', type: 'text', required: true, access: { update: onlyStaff } },
    { name: 'title', type: 'text', required: true, access: { update: onlyStaff } },
    { name: 'body', type: 'textarea', access: { update: onlyStaff } },
    { name: 'link', type: 'text', access: { update: onlyStaff } },
    // The only field a customer changes: marking read.
    { name: 'readAt', type: 'date' },
  ],
}
