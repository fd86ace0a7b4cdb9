import type { Role } from './roles'

/**
 * Target rules narrow an allowed action by who or what it is aimed at:
 * - `not-self`: the actor cannot aim it at themselves (e.g. change their own role);
 * - `not-owner`: the target cannot be the owner (only a transfer moves ownership);
 * - `not-above-own`: the role being granted or the target's current role cannot outrank the actor's;
 * - `no-new-owner`: the owner role cannot be granted (one owner per organization; a transfer moves it).
 */
export type TargetRule = 'not-self' | 'not-owner' | 'not-above-own' | 'no-new-owner'

type Grant = { roles: readonly Role[]; targetRules?: readonly TargetRule[] }

/**
 * The permission matrix: action → which roles may perform it, and under which target rules.
 * This is data so the product can import the same config for its own checks, and so tests can
 * generate the whole role × action table from it.
 */
export const PERMISSIONS = {
  'org.read': { roles: ['owner', 'admin', 'billing', 'member', 'viewer'] },
  'org.update': { roles: ['owner', 'admin'] },
  'org.require_two_factor': { roles: ['owner'] },
  'account.manage_own': { roles: ['owner', 'admin', 'billing', 'member', 'viewer'] },
  'team.read': { roles: ['owner', 'admin', 'billing', 'member', 'viewer'] },
  'team.invite': { roles: ['owner', 'admin'], targetRules: ['not-above-own', 'no-new-owner'] },
  'team.revoke_invitation': { roles: ['owner', 'admin'] },
  'team.change_role': { roles: ['owner', 'admin'], targetRules: ['not-self', 'not-owner', 'not-above-own', 'no-new-owner'] },
  'team.remove': { roles: ['owner', 'admin'], targetRules: ['not-self', 'not-owner', 'not-above-own'] },
  'team.transfer_ownership': { roles: ['owner'], targetRules: ['not-self'] },
  'team.leave': { roles: ['admin', 'billing', 'member', 'viewer'] },
  'billing.read': { roles: ['owner', 'admin', 'billing'] },
  'billing.manage': { roles: ['owner', 'admin', 'billing'] },
  'invoices.read': { roles: ['owner', 'admin', 'billing'] },
  'invoices.report_offline_payment': { roles: ['owner', 'admin', 'billing'] },
  'usage.read': { roles: ['owner', 'admin', 'billing', 'member', 'viewer'] },
  'apikeys.read': { roles: ['owner', 'admin', 'member'] },
  'apikeys.manage': { roles: ['owner', 'admin'] },
  'apikeys.set_max_lifetime': { roles: ['owner'] },
  'activity.read': { roles: ['owner', 'admin'] },
  'notifications.manage_own': { roles: ['owner', 'admin', 'billing', 'member', 'viewer'] },
} as const satisfies Record<string, Grant>

export type Action = keyof typeof PERMISSIONS

export const ACTIONS = Object.keys(PERMISSIONS) as Action[]
