import type { Access, CollectionConfig } from 'payload'

import { actorMemberships, isStaff } from '../access/actor-memberships'
import { CUSTOMER_CHANNELS, isEventType } from '../notifications/event-catalog'

const idOf = (value: unknown): number => Number(typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)

/** A customer's own preference rows; staff read them to answer "why didn't I get the email?". */
const ownPreferences: Access = ({ req }) => {
  if (isStaff(req)) return true
  if (req.user?.collection !== 'users') return false
  return { user: { equals: req.user.id } }
}

/** A customer creates preferences only for themselves, in an organization they belong to. */
const createOwnPreference: Access = async ({ req, data }) => {
  if (req.user?.collection !== 'users' || !data) return false
  if (idOf(data.user) !== req.user.id) return false
  return (await actorMemberships(req)).some((membership) => membership.organization === idOf(data.organization))
}

/** Per user × organization × event type × channel; a missing row means the catalog or staff default. */
export const NotificationPreferences: CollectionConfig = {
  slug: 'notification-preferences',
  admin: { group: 'Notifications', defaultColumns: ['user', 'organization', 'eventType', 'channel', 'enabled'] },
  indexes: [{ fields: ['user', 'organization', 'eventType', 'channel'], unique: true }],
  access: { read: ownPreferences, create: createOwnPreference, update: ownPreferences, delete: ownPreferences },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, access: { update: ({ req }) => isStaff(req) } },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, access: { update: ({ req }) => isStaff(req) } },
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
