import type { CollectionConfig } from 'payload'

import { isStaff } from '../access/actor-memberships'
import { staffOnly } from '../access/staff-only'

/** The vendor's support team. A separate auth collection: staff never appear in /account. */
export const Staff: CollectionConfig = {
  slug: 'staff',
  admin: { useAsTitle: 'email', group: 'Settings' },
  auth: { useSessions: true, tokenExpiration: 60 * 60 * 8, maxLoginAttempts: 10, lockTime: 10 * 60 * 1000 },
  access: {
    admin: ({ req }) => isStaff(req),
    create: staffOnly,
    read: staffOnly,
    update: staffOnly,
    delete: staffOnly,
  },
  fields: [{ name: 'name', type: 'text', maxLength: 120 }],
}
