import type { CollectionConfig } from 'payload'

import { isStaff } from '../access/actor-memberships'
import { staffOnly } from '../access/staff-only'
import { clearLoginThrottle, throttleLogin } from '../hooks/throttle-login'

/** The vendor's support team. A separate auth collection: staff never appear in /account. */
export const Staff: CollectionConfig = {
  slug: 'staff',
  admin: { useAsTitle: 'email', group: 'Settings' },
  // Throttled like customers' sign-ins (src/hooks/throttle-login.ts) rather than locked out.
  auth: { useSessions: true, tokenExpiration: 60 * 60 * 8, maxLoginAttempts: 0 },
  hooks: { beforeOperation: [throttleLogin], afterLogin: [clearLoginThrottle] },
  access: {
    admin: ({ req }) => isStaff(req),
    create: staffOnly,
    read: staffOnly,
    update: staffOnly,
    delete: staffOnly,
  },
  fields: [{ name: 'name', type: 'text', maxLength: 120 }],
}
