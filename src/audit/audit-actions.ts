import type { EventType } from '../notifications/event-catalog'

/** Recorded on the portal's own write path without telling anyone. */
type RecordedOnlyAction =
  | 'account.created'
  | 'account.email_change_requested'
  | 'account.password_reset'
  | 'account.profile_updated'
  | 'account.recovery_codes_regenerated'
  | 'api_keys.max_lifetime_changed'
  | 'billing.customer_created'
  | 'billing.customer_deleted'
  | 'billing.customer_linked'
  | 'billing.payment_method_updated'
  | 'billing.subscription_updated'
  | 'billing.tax_id_verification_changed'
  | 'feedback.submitted'
  | 'invitation.resent'
  | 'notification_preferences.updated'
  | 'organization.billing_details_changed'
  | 'organization.two_factor_requirement_changed'
  | 'usage.alerts_updated'

/** Writes that reached Payload directly (admin, REST, GraphQL), named by collection and operation. */
export type PayloadWriteAction = `${string}.${'created' | 'updated' | 'deleted'}`

/**
 * Every `"resource.verb"` in the audit trail. The event catalog's types are the subset that also
 * notify someone, so a new event is an audit action by being added to the catalog.
 */
export type AuditAction = EventType | RecordedOnlyAction | PayloadWriteAction
