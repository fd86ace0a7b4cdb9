import { EVENT_TYPES, type EventType } from '../notifications/event-catalog'

/** Recorded on the portal's own write path without telling anyone. */
export const RECORDED_ONLY_ACTIONS = [
  'account.created',
  'account.email_change_requested',
  'account.password_reset',
  'account.profile_updated',
  'account.recovery_codes_regenerated',
  'api_keys.max_lifetime_changed',
  'billing.customer_created',
  'billing.customer_deleted',
  'billing.customer_linked',
  'billing.payment_method_updated',
  'billing.subscription_updated',
  'billing.tax_id_verification_changed',
  'feedback.submitted',
  'invitation.resent',
  'notification_preferences.updated',
  'organization.billing_details_changed',
  'organization.two_factor_requirement_changed',
  'staff.recovery_codes_regenerated',
  'staff.two_factor_disabled',
  'staff.two_factor_enabled',
  'usage.alerts_updated',
] as const

type RecordedOnlyAction = (typeof RECORDED_ONLY_ACTIONS)[number]

/** Writes that reached Payload directly (admin, REST, GraphQL), named by collection and operation. */
export type PayloadWriteAction = `${string}.${'created' | 'updated' | 'deleted'}`

/**
 * The collections and globals payload.config.ts gives the audit trail, as src/hooks/audit-payload-change.ts
 * names their writes (memberships and organizations singular; dashes become underscores).
 */
export const AUDITED_PAYLOAD_RESOURCES = ['users', 'staff', 'organization', 'membership', 'notification_preferences', 'portal_flags', 'notification_settings'] as const

const PAYLOAD_WRITE_ACTIONS = AUDITED_PAYLOAD_RESOURCES.flatMap((resource) => (['created', 'updated', 'deleted'] as const).map((verb): PayloadWriteAction => `${resource}.${verb}`))

/**
 * Every `"resource.verb"` in the audit trail. The event catalog's types are the subset that also
 * notify someone, so a new event is an audit action by being added to the catalog.
 */
export type AuditAction = EventType | RecordedOnlyAction | PayloadWriteAction

/** The same, as a list: what the timeline must have a sentence for (tests/unit/activity-sentences.test.ts). */
export const AUDIT_ACTIONS: readonly AuditAction[] = [...new Set<AuditAction>([...EVENT_TYPES, ...RECORDED_ONLY_ACTIONS, ...PAYLOAD_WRITE_ACTIONS])]
