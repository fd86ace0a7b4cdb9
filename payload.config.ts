import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, defaultLoggerOptions } from 'payload'

import { isStaff } from './src/access/actor-memberships'
import { staffOnlyInternalCollections } from './src/access/staff-only-internal-collections'
import { jsonFieldsAsText } from './src/components/admin/json-fields-as-text'
import { ApiKeys } from './src/collections/ApiKeys'
import { Feedback } from './src/collections/Feedback'
import { HelpArticles } from './src/collections/HelpArticles'
import { HelpEvents } from './src/collections/HelpArticles/help-events'
import { Invitations } from './src/collections/Invitations'
import { Memberships } from './src/collections/Memberships'
import { NotificationDeliveries } from './src/collections/NotificationDeliveries'
import { NotificationPreferences } from './src/collections/NotificationPreferences'
import { OfflinePayments } from './src/collections/OfflinePayments'
import { Notifications } from './src/collections/Notifications'
import { Organizations } from './src/collections/Organizations'
import { PortalAudit } from './src/collections/PortalAudit'
import { PortalEvents } from './src/collections/PortalEvents'
import { Staff } from './src/collections/Staff'
import { TicketAudits } from './src/collections/TicketAudits'
import { StripeEvents } from './src/collections/StripeEvents'
import { Users } from './src/collections/Users'
import { UserSessions } from './src/collections/UserSessions'
import { NotificationSettings } from './src/globals/NotificationSettings'
import { PortalFlags } from './src/globals/PortalFlags'
import { portalTasks } from './src/jobs/tasks'
import { loopbackAliases } from './src/lib/portal-url'
import { redactingLoggerOptions } from './src/lib/redact-log'
import { withAuditTrail, withAuditTrailGlobals } from './src/hooks/with-audit-trail'
import { portalEmailAdapter } from './src/notifications/email/payload-email-adapter'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Payload's own collections (locks, preferences, migrations, jobs) are the admin's: staff only.
export default jsonFieldsAsText(staffOnlyInternalCollections(buildConfig({
  serverURL: process.env.PORTAL_URL || undefined,
  // PORTAL_URL is always accepted; a loopback one also under its other spellings (127.0.0.1 for localhost).
  csrf: loopbackAliases(),
  secret: process.env.PAYLOAD_SECRET || '',
  admin: {
    user: Staff.slug,
    // Gravatar is a third-party call on every admin page; initials need no network.
    avatar: 'default',
    meta: { titleSuffix: ' · Portico admin' },
    importMap: { baseDir: dirname },
    // Support opens /admin to the latest ticket ranking and the deflection trend per portal screen.
    components: {
      beforeDashboard: ['/src/components/admin/TicketAuditDashboard#TicketAuditDashboard', '/src/components/help/admin/HelpDeflectionReport#HelpDeflectionReport'],
      // Staff two-factor: set-up and the code step of a sign-in (a pending sign-in is sent on from the login).
      views: { staffTwoFactor: { Component: '/src/components/admin/staff-two-factor/StaffTwoFactorView#StaffTwoFactorView', path: '/two-factor', exact: true } },
      beforeLogin: ['/src/components/admin/staff-two-factor/PendingTwoFactorRedirect#PendingTwoFactorRedirect'],
      afterNavLinks: ['/src/components/admin/staff-two-factor/TwoFactorNavLink#TwoFactorNavLink'],
    },
  },
  collections: [
    // Customer data and staff accounts: every write through Payload lands in the audit trail.
    ...withAuditTrail([Users, Staff, Organizations, Memberships, NotificationPreferences]),
    // The trail itself and the delivery machinery: auditing these would record the recording.
    PortalAudit,
    PortalEvents,
    // Written only by src/team, whose every change is already one audit row and one event.
    Invitations,
    NotificationDeliveries,
    Notifications,
    // Written only by src/api-keys, which audits and announces each change itself.
    ApiKeys,
    // Written only by src/feedback, which audits each submission itself.
    Feedback,
    // Staff-written help for the portal's drawer (its versions are the history of edits), and what customers did with it.
    HelpArticles,
    HelpEvents,
    // Device records of sign-ins; revocations are audited by the account domain itself.
    UserSessions,
    // The Stripe webhook ledger: its effects are audited by the handlers (actor kind `stripe`).
    StripeEvents,
    // Wire and cheque payments customers recorded: written only by src/billing/offline-payments, which audits each step.
    OfflinePayments,
    // Quarterly support-inbox audits uploaded by staff (npm run audit:tickets → audit-summary.json).
    TicketAudits,
  ],
  globals: withAuditTrailGlobals([PortalFlags, NotificationSettings]),
  jobs: {
    tasks: portalTasks,
    access: {
      // Jobs run only through our runner (src/jobs), which claims them with SKIP
      // LOCKED; the REST run endpoint uses Payload's read-then-update claim and could double-deliver.
      run: () => false,
      queue: () => false,
      cancel: ({ req }) => isStaff(req),
    },
  },
  email: portalEmailAdapter,
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL },
    // The schema only changes through committed migrations, in development too.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
  }),
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  // Payload's pretty output, with failed-query values and secret-ish properties redacted.
  logger: { options: redactingLoggerOptions, destination: defaultLoggerOptions },
  telemetry: false,
})))
