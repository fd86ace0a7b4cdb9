import type { Role } from '../access/roles'

/** The channels a customer can subscribe to. Slack goes to the vendor's support channel, not to customers. */
export const CUSTOMER_CHANNELS = ['email', 'in_app'] as const
export type CustomerChannel = (typeof CUSTOMER_CHANNELS)[number]
export type Channel = CustomerChannel | 'slack'

export type EventDefinition = {
  label: string
  /** Roles in the organization that receive it. */
  recipients: readonly Role[]
  /** Also notify the person the change is about (`data.subjectUserId`), whatever their role. */
  notifySubject?: boolean
  /** Defaults until the recipient or staff say otherwise. */
  defaults: Record<CustomerChannel, boolean>
  /** Posted to the vendor's support Slack channel by default. */
  slack: boolean
}

const TEAM_LEADS = ['owner', 'admin'] as const
const BILLING_PEOPLE = ['owner', 'admin', 'billing'] as const
const LOUD = { email: true, in_app: true } as const
const QUIET = { email: false, in_app: true } as const

/**
 * Every event the portal can emit. Adding one is one entry here: recipients, defaults and the
 * preferences page follow from it; the stored type is plain text so no migration is needed.
 */
export const EVENT_CATALOG = {
  'member.invited': { label: 'A teammate was invited', recipients: TEAM_LEADS, defaults: QUIET, slack: true },
  'invitation.revoked': { label: 'An invitation was revoked', recipients: TEAM_LEADS, defaults: QUIET, slack: true },
  'member.role_changed': { label: 'A member’s role changed', recipients: TEAM_LEADS, notifySubject: true, defaults: LOUD, slack: true },
  'member.removed': { label: 'A member was removed', recipients: TEAM_LEADS, notifySubject: true, defaults: LOUD, slack: true },
  'member.joined': { label: 'A new member joined', recipients: TEAM_LEADS, defaults: QUIET, slack: true },
  'member.left': { label: 'A member left', recipients: TEAM_LEADS, defaults: QUIET, slack: true },
  'ownership.transferred': { label: 'Ownership was transferred', recipients: TEAM_LEADS, notifySubject: true, defaults: LOUD, slack: true },
  'organization.billing_email_changed': { label: 'The billing email changed', recipients: BILLING_PEOPLE, defaults: LOUD, slack: true },
  'billing.payment_method_changed': { label: 'The payment method changed', recipients: BILLING_PEOPLE, defaults: LOUD, slack: true },
  'billing.plan_changed': { label: 'The plan changed', recipients: BILLING_PEOPLE, defaults: LOUD, slack: true },
  'billing.payment_failed': { label: 'A payment failed', recipients: BILLING_PEOPLE, defaults: LOUD, slack: true },
  'api_key.created': { label: 'An API key was created', recipients: TEAM_LEADS, defaults: LOUD, slack: true },
  'api_key.revoked': { label: 'An API key was revoked', recipients: TEAM_LEADS, defaults: LOUD, slack: true },
  'api_key.rotated': { label: 'An API key was rotated', recipients: TEAM_LEADS, defaults: LOUD, slack: true },
  'api_key.expiring': { label: 'An API key expires soon', recipients: TEAM_LEADS, defaults: LOUD, slack: true },
  'api_key.expired': { label: 'An API key expired', recipients: TEAM_LEADS, defaults: LOUD, slack: true },
  'account.email_changed': { label: 'Your sign-in email changed', recipients: [], notifySubject: true, defaults: LOUD, slack: true },
  'account.password_changed': { label: 'Your password changed', recipients: [], notifySubject: true, defaults: LOUD, slack: true },
  'account.two_factor_enabled': { label: 'Two-factor sign-in was turned on', recipients: [], notifySubject: true, defaults: LOUD, slack: true },
  'account.two_factor_disabled': { label: 'Two-factor sign-in was turned off', recipients: [], notifySubject: true, defaults: LOUD, slack: true },
  // Loud: the issue asks for a security email on every account change, a sign-out included.
  'account.session_revoked': { label: 'A session was signed out', recipients: [], notifySubject: true, defaults: LOUD, slack: true },
  // To the customer who sent the feedback, when staff mark it shipped in /admin.
  'feedback.shipped': { label: 'Something you asked for has shipped', recipients: [], notifySubject: true, defaults: QUIET, slack: true },
  // Support hears too: a customer past its budget is the "why was I charged this much" ticket before it's sent.
  'usage.threshold_crossed': { label: 'A usage budget alert was reached', recipients: BILLING_PEOPLE, defaults: LOUD, slack: true },
  // Offline payments (issue 12): support hears of each report to confirm it; the billing contacts are emailed the decision.
  'billing.offline_payment_reported': { label: 'An offline payment was recorded', recipients: BILLING_PEOPLE, defaults: QUIET, slack: true },
  'billing.offline_payment_confirmed': { label: 'An offline payment was confirmed', recipients: BILLING_PEOPLE, defaults: LOUD, slack: true },
  'billing.offline_payment_rejected': { label: 'An offline payment was rejected', recipients: BILLING_PEOPLE, defaults: LOUD, slack: true },
} as const satisfies Record<string, EventDefinition>

export type EventType = keyof typeof EVENT_CATALOG

export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as EventType[]

export const isEventType = (value: unknown): value is EventType => typeof value === 'string' && value in EVENT_CATALOG

export const eventDefinition = (type: EventType): EventDefinition => EVENT_CATALOG[type]

/** Event types a member with `role` can receive, so the preferences page only offers those. */
export const eventTypesFor = (role: Role): EventType[] =>
  EVENT_TYPES.filter((type) => {
    const definition: EventDefinition = EVENT_CATALOG[type]
    return definition.notifySubject || definition.recipients.includes(role)
  })
