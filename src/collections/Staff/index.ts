import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/actor-memberships'
import { staffOnly } from '../../access/staff-only'
import { recordSessionStart } from '../../hooks/record-session-start'
import { removeDependents } from '../../hooks/remove-dependents'
import { clearLoginThrottle, throttleLogin } from '../../hooks/throttle-login'
import { twoFactorFields } from '../fields/two-factor-fields'
import { staffTwoFactorEndpoints } from './endpoints/two-factor'

/**
 * The vendor's support team. A separate auth collection: staff never appear in /account. Two-factor
 * works as for customers (src/account/two-factor): with it on, an /admin sign-in is only a pending
 * session until /admin/two-factor takes the code (recordSessionStart holds the session back).
 */
export const Staff: CollectionConfig = {
  slug: 'staff',
  admin: { useAsTitle: 'email', group: 'Settings' },
  // Throttled like customers' sign-ins (src/hooks/throttle-login.ts) rather than locked out.
  auth: { useSessions: true, tokenExpiration: 60 * 60 * 8, maxLoginAttempts: 0 },
  hooks: {
    beforeOperation: [throttleLogin],
    beforeDelete: [removeDependents([['user-sessions', 'staff']])],
    afterLogin: [recordSessionStart, clearLoginThrottle],
  },
  access: {
    admin: ({ req }) => isStaff(req),
    create: staffOnly,
    read: staffOnly,
    update: staffOnly,
    delete: staffOnly,
  },
  endpoints: staffTwoFactorEndpoints,
  fields: [
    { name: 'name', type: 'text', maxLength: 120 },
    ...twoFactorFields('Set when this staff member confirmed an authenticator app; /admin sign-ins then need its code. Clear it to reset a lost device.'),
  ],
}
