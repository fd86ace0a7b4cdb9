import type { CollectionConfig } from 'payload'

import { staffOnly } from '../access/staff-only'
import { selfOrStaff, selfOrTeammates } from '../access/self-or-teammates'

/** Customers: the product's users. They only ever see /account/*; staff manage them in /admin. */
export const Users: CollectionConfig = {
  slug: 'users',
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'createdAt'], group: 'Customers' },
  auth: {
    // Sessions live in PostgreSQL so a revoked session is refused on every server instance.
    useSessions: true,
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
  },
  access: {
    admin: () => false,
    create: staffOnly,
    read: selfOrTeammates,
    update: selfOrStaff,
    delete: staffOnly,
  },
  fields: [
    { name: 'name', type: 'text', maxLength: 120 },
    {
      name: 'externalId',
      type: 'text',
      unique: true,
      index: true,
      admin: { description: 'The user id in the host product (product-jwt adapter `sub` claim).' },
      access: { update: ({ req }) => req.user?.collection === 'staff' },
    },
    { name: 'lastActiveAt', type: 'date', admin: { readOnly: true } },
  ],
}
