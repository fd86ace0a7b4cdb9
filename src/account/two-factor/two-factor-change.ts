import type { AuditActor } from '../../audit/actor'
import type { PortalChange } from '../../audit/record-portal-change'
import type { Principal } from './principal'

type Verb = 'two_factor_enabled' | 'two_factor_disabled' | 'recovery_codes_regenerated'

/**
 * The audit row of a two-factor change, for whoever it belongs to. A customer's on/off also sends
 * their security notice (the event); staff changes are recorded only: the event catalog's
 * recipients are customers, and a staff id there would name the wrong person.
 */
export function twoFactorChange(principal: Principal, verb: Verb, { actor, before, notify }: { actor: AuditActor; before: Record<string, unknown>; notify: boolean }): PortalChange {
  const entity = { type: principal.collection, id: principal.id }
  if (principal.collection === 'staff') return { actor, organization: null, entity, action: `staff.${verb}`, before }
  const action = `account.${verb}` as const
  const event = notify && action !== 'account.recovery_codes_regenerated' ? { type: action, data: { subjectUserId: principal.id } } : undefined
  return { actor, organization: null, entity, action, before, ...(event ? { event } : {}) }
}
