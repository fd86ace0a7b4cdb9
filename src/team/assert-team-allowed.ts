import { canPerform, type DenialReason, type Target } from '../access/can-perform'
import type { Action } from '../access/matrix'
import type { Role } from '../access/roles'
import type { MessageKey } from '../i18n/en'
import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'

/** Wording for the denials people actually meet; anything else gets the reason's general message. */
const SPECIFIC: Partial<Record<`${Action}:${DenialReason}`, MessageKey>> = {
  'team.change_role:not-self': 'team.denied.changeOwnRole',
  'team.change_role:not-owner': 'team.denied.changeOwner',
  'team.remove:not-self': 'team.denied.removeSelf',
  'team.remove:not-owner': 'team.denied.removeOwner',
  'team.transfer_ownership:not-self': 'team.denied.transferToSelf',
  'team.leave:role': 'team.denied.ownerLeaves',
}

const GENERAL: Record<DenialReason, MessageKey> = {
  role: 'team.denied.role',
  'not-self': 'team.denied.notSelf',
  'not-owner': 'team.denied.notOwner',
  'not-above-own': 'team.denied.aboveOwn',
  'no-new-owner': 'team.denied.noNewOwner',
}

/**
 * `canPerform` for a team action, as a 403 that says which rule stopped it. The decision itself
 * stays in `canPerform`; this only words it. `membership` is the actor's own, read under the team
 * lock; null means they are no longer a member (and narrows to non-null once this returns).
 */
export function assertTeamAllowed<M extends { role: Role }>(userId: number, membership: M | null, action: Action, target: Target = {}): asserts membership is M {
  if (!membership) throw new PortalError('forbidden', t('team.denied.role'))
  const decision = canPerform({ userId, role: membership.role }, action, target)
  if (decision.allowed) return
  throw new PortalError('forbidden', t(SPECIFIC[`${action}:${decision.reason}`] ?? GENERAL[decision.reason]))
}
