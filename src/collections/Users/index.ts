import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { staffOnly } from '../../access/staff-only'
import { staffOnlyField } from '../../access/staff-only-field'
import { DATE_LOCALES, DEFAULT_LOCALE, DEFAULT_TIME_ZONE, isTimeZone } from '../../account/profile/date-preferences'
import { recordSessionStart } from '../../hooks/record-session-start'
import { removeDependents } from '../../hooks/remove-dependents'
import { clearLoginThrottle, throttleLogin } from '../../hooks/throttle-login'
import { secretField, twoFactorFields } from '../fields/two-factor-fields'
import { selfOrStaff } from './access/self-or-staff'
import { selfOrTeammates } from './access/self-or-teammates'
import { passwordResetViaPortal } from './hooks/password-reset-via-portal'
import { guardCredentials } from './hooks/guard-credentials'

/** Customers: the product's users. They only ever see /account/*; staff manage them in /admin. */
export const Users: CollectionConfig = {
  slug: 'users',
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'createdAt'], group: 'Customers' },
  auth: {
    // Sessions live in PostgreSQL so a revoked session is refused on every server instance.
    useSessions: true,
    tokenExpiration: 60 * 60 * 8,
    // No hard lockout (a stranger could lock anyone out): src/hooks/throttle-login.ts throttles instead.
    maxLoginAttempts: 0,
    // Reset links last an hour (issue-reset-token.ts reads this); Payload's own forgot-password is off.
    forgotPassword: { expiration: 60 * 60 * 1000 },
  },
  access: {
    admin: () => false,
    create: staffOnly,
    read: selfOrTeammates,
    update: selfOrStaff,
    delete: staffOnly,
  },
  hooks: {
    beforeOperation: [passwordResetViaPortal, throttleLogin],
    beforeChange: [guardCredentials],
    beforeDelete: [
      removeDependents([
        ['memberships', 'user'],
        ['notification-preferences', 'user'],
        ['notifications', 'user'],
        ['user-sessions', 'user'],
      ]),
    ],
    // Every sign-in path (portal form, REST, GraphQL, password reset) ends here: the gate for 2FA.
    afterLogin: [recordSessionStart, clearLoginThrottle],
  },
  fields: [
    { name: 'name', type: 'text', maxLength: 120 },
    {
      name: 'externalId',
      type: 'text',
      unique: true,
      index: true,
      admin: { description: 'The user id in the host product (product-jwt adapter `sub` claim).' },
      access: { update: staffOnlyField },
    },
    // Written by the session code (overrideAccess) only: activity is observed, never claimed.
    { name: 'lastActiveAt', type: 'date', access: { create: nobody, update: nobody }, admin: { readOnly: true } },
    { name: 'locale', type: 'select', defaultValue: DEFAULT_LOCALE, options: DATE_LOCALES.map(({ value, label }) => ({ value, label })), admin: { description: 'How dates and numbers are written for this person.' } },
    {
      name: 'timeZone',
      type: 'text',
      defaultValue: DEFAULT_TIME_ZONE,
      validate: (value: unknown) => value == null || value === '' || isTimeZone(value) || 'Choose a time zone from the list (IANA name, e.g. Europe/Berlin).',
    },
    ...twoFactorFields('Set when the person confirmed an authenticator app. Staff can clear it to reset a lost device (the old secret stops working).'),
    // An email change waiting for its link to be opened (src/account/email-change).
    secretField({ name: 'pendingEmail', type: 'email' }),
    secretField({ name: 'pendingEmailToken', type: 'text', index: true }), // sha256 of the link's token
    secretField({ name: 'pendingEmailExpiresAt', type: 'date' }),
  ],
}
