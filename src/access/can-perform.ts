import { type Action, PERMISSIONS, type TargetRule } from './matrix'
import { type Role, roleRank } from './roles'

export type Actor = { userId: number | string; role: Role }

/** What an action is aimed at: another member (their id and current role) and/or a role being granted. */
export type Target = { userId?: number | string; role?: Role; newRole?: Role }

export type Decision = { allowed: true } | { allowed: false; reason: DenialReason }
export type DenialReason = 'role' | TargetRule

const ruleHolds: Record<TargetRule, (actor: Actor, target: Target) => boolean> = {
  'not-self': (actor, target) => target.userId === undefined || String(target.userId) !== String(actor.userId),
  'not-owner': (_actor, target) => target.role !== 'owner',
  'not-above-own': (actor, target) =>
    [target.role, target.newRole].every((role) => role === undefined || roleRank(role) <= roleRank(actor.role)),
  'no-new-owner': (_actor, target) => target.newRole !== 'owner',
}

/** The single place every permission decision is made: the matrix, then the action's target rules. */
export function canPerform(actor: Actor, action: Action, target: Target = {}): Decision {
  const grant = PERMISSIONS[action]
  if (!(grant.roles as readonly Role[]).includes(actor.role)) return { allowed: false, reason: 'role' }
  const targetRules: readonly TargetRule[] = 'targetRules' in grant ? grant.targetRules : []
  const broken = targetRules.find((rule) => !ruleHolds[rule](actor, target))
  return broken ? { allowed: false, reason: broken } : { allowed: true }
}

export const rolesAllowed = (action: Action): readonly Role[] => PERMISSIONS[action].roles
