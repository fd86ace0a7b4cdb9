import type { Action } from './src/access/matrix'

/**
 * The signed portal scope: which screens the portal owns, and which workflows stay with support
 * (and where the customer is sent instead). `npm run scope:doc` renders it as docs/SCOPE.md;
 * a test fails when the two disagree. Change it only with a new signature.
 */
export type ScreenScope = {
  id: string
  label: string
  path: string
  /** The support ticket this screen absorbs. */
  absorbs: string
  /** The action a role needs to open the screen. */
  requires: Action
  /** Core screens are always on; the others roll out through the portal-flags global. */
  flaggable: boolean
}

export type SupportWorkflow = { id: string; label: string; why: string; sendTo: string }

export const portalScope = {
  version: 2,
  signedBy: 'Founder & CEO, Portico',
  signedAt: '2026-11-27',
  /** The language for people without a profile locale the catalog speaks ('en', 'de'); null follows their browser. */
  defaultLocale: null as string | null,
  screens: [
    { id: 'account', label: 'Account', path: '/account', absorbs: 'Profile, email, password, two-factor and session questions', requires: 'org.read', flaggable: false },
    { id: 'team', label: 'Team', path: '/account/team', absorbs: '"Add a teammate" / "make X an admin"', requires: 'team.read', flaggable: true },
    { id: 'billing', label: 'Billing', path: '/account/billing', absorbs: '"Change the card on file", "update the company name / VAT on the invoice"', requires: 'billing.read', flaggable: true },
    { id: 'usage', label: 'Usage', path: '/account/usage', absorbs: '"Why was I charged this much"', requires: 'usage.read', flaggable: true },
    { id: 'invoices', label: 'Invoices', path: '/account/invoices', absorbs: '"Download last quarter\'s invoices"', requires: 'invoices.read', flaggable: true },
    { id: 'api-keys', label: 'API keys', path: '/account/api-keys', absorbs: '"I need a new API key" / "revoke a leaked key"', requires: 'apikeys.read', flaggable: true },
    { id: 'activity', label: 'Activity', path: '/account/activity', absorbs: '"Who changed our plan?" / "who removed X?"', requires: 'activity.read', flaggable: true },
    { id: 'notifications', label: 'Notifications', path: '/account/notifications', absorbs: '"Why wasn\'t I told that my role changed?"', requires: 'notifications.manage_own', flaggable: false },
  ],
  staysWithSupport: [
    { id: 'refunds', label: 'Refunds and disputed charges', why: 'Needs judgement and may involve money going back.', sendTo: 'mailto:support@portico.example?subject=Refund%20request' },
    { id: 'contract-changes', label: 'Contract terms and custom pricing', why: 'Negotiated by sales; changes need a signed order form.', sendTo: 'mailto:sales@portico.example' },
    { id: 'account-deletion', label: 'Deleting the organization and its data', why: 'Irreversible; support verifies the requester and runs the export first.', sendTo: 'mailto:support@portico.example?subject=Delete%20our%20account' },
    { id: 'bug-reports', label: 'Bug reports and integration help', why: 'Needs an engineer to reproduce.', sendTo: 'mailto:support@portico.example' },
  ],
} as const satisfies { version: number; signedBy: string; signedAt: string; defaultLocale: string | null; screens: readonly ScreenScope[]; staysWithSupport: readonly SupportWorkflow[] }

export type ScreenId = (typeof portalScope.screens)[number]['id']
export type FlaggableScreenId = Extract<(typeof portalScope.screens)[number], { flaggable: true }>['id']

export const flaggableScreens = portalScope.screens.filter(
  (screen): screen is Extract<(typeof portalScope.screens)[number], { flaggable: true }> => screen.flaggable,
)
