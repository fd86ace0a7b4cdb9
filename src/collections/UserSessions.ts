import type { CollectionConfig } from 'payload'

import { nobody } from '../access/nobody'
import { staffOnly } from '../access/staff-only'

/**
 * What Payload's `users.sessions` (and `staff.sessions`) doesn't keep: the device behind each session id, when it was
 * last seen, and whether it still owes a second factor. Written only by src/account/sessions.
 */
export const UserSessions: CollectionConfig = {
  slug: 'user-sessions',
  admin: { useAsTitle: 'userAgent', defaultColumns: ['user', 'userAgent', 'ip', 'lastSeenAt', 'pendingSecondFactor'], group: 'Customers' },
  access: { read: staffOnly, create: nobody, update: nobody, delete: staffOnly },
  fields: [
    // A customer's session, or (an /admin sign-in) a staff member's: start-session.ts sets one of the two.
    { name: 'user', type: 'relationship', relationTo: 'users', index: true },
    { name: 'staff', type: 'relationship', relationTo: 'staff', index: true },
    // The session id is the key to the session: support sees the device, never the id.
    { name: 'sid', type: 'text', required: true, unique: true, hidden: true },
    { name: 'userAgent', type: 'text' },
    { name: 'ip', type: 'text' },
    { name: 'lastSeenAt', type: 'date' },
    { name: 'expiresAt', type: 'date' },
    { name: 'pendingSecondFactor', type: 'checkbox', defaultValue: false, admin: { description: 'Signed in with a password; the two-factor code is still owed.' } },
  ],
}
