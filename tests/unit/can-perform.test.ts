import { describe, expect, it } from 'vitest'

import { canPerform, type Decision, type Target } from '../../src/access/can-perform'
import { ACTIONS, type Action } from '../../src/access/matrix'
import type { Role } from '../../src/access/roles'

/**
 * Written by hand from what the product intends (README "Permissions as data", docs/api.md), not
 * read from PERMISSIONS: a reviewer compares this grid with src/access/matrix.ts cell by cell, and
 * a change to the matrix has to change this file too.
 */
const Y = true
const _ = false
type Row = readonly [owner: boolean, admin: boolean, billing: boolean, member: boolean, viewer: boolean]

// prettier-ignore
const WHO_MAY: Record<Action, Row> = {
  //                              owner admin billing member viewer
  'org.read':                     [ Y,    Y,     Y,     Y,     Y ],
  'org.update':                   [ Y,    Y,     _,     _,     _ ],
  'org.require_two_factor':       [ Y,    _,     _,     _,     _ ],
  'account.manage_own':           [ Y,    Y,     Y,     Y,     Y ],
  'team.read':                    [ Y,    Y,     Y,     Y,     Y ],
  'team.invite':                  [ Y,    Y,     _,     _,     _ ], // + not above your own role, never as owner
  'team.revoke_invitation':       [ Y,    Y,     _,     _,     _ ],
  'team.change_role':             [ Y,    Y,     _,     _,     _ ], // + not yourself, not the owner, not above your own role, never to owner
  'team.remove':                  [ Y,    Y,     _,     _,     _ ], // + not yourself, not the owner, not above your own role
  'team.transfer_ownership':      [ Y,    _,     _,     _,     _ ], // + not yourself
  'team.leave':                   [ _,    Y,     Y,     Y,     Y ], // the owner transfers first
  'billing.read':                 [ Y,    Y,     Y,     _,     _ ],
  'billing.manage':               [ Y,    Y,     Y,     _,     _ ],
  'invoices.read':                [ Y,    Y,     Y,     _,     _ ],
  'invoices.report_offline_payment': [ Y, Y,     Y,     _,     _ ],
  'usage.read':                   [ Y,    Y,     Y,     Y,     Y ],
  'apikeys.read':                 [ Y,    Y,     _,     Y,     _ ],
  'apikeys.manage':               [ Y,    Y,     _,     _,     _ ],
  'apikeys.set_max_lifetime':     [ Y,    _,     _,     _,     _ ],
  'activity.read':                [ Y,    Y,     _,     _,     _ ],
  'notifications.manage_own':     [ Y,    Y,     Y,     Y,     Y ],
}

const COLUMNS = ['owner', 'admin', 'billing', 'member', 'viewer'] as const satisfies readonly Role[]
const actor = (role: Role) => ({ userId: 1, role })
const ALLOWED: Decision = { allowed: true }
const refused = (reason: Exclude<Decision, { allowed: true }>['reason']): Decision => ({ allowed: false, reason })

describe('canPerform: who may do what (no target)', () => {
  it('the grid has one row per action in the matrix, no more, no less', () => {
    expect(Object.keys(WHO_MAY).sort()).toEqual([...ACTIONS].sort())
  })

  const cells = Object.entries(WHO_MAY).flatMap(([action, row]) => COLUMNS.map((role, index) => [role, action as Action, row[index] ? 'allowed' : 'refused'] as const))
  it.each(cells)('%s → %s: %s', (role, action, answer) => {
    expect(canPerform(actor(role), action)).toEqual(answer === 'allowed' ? ALLOWED : refused('role'))
  })
})

/**
 * The target rules, case by case. The actor is always user 1; other members are users 2 and 3.
 * The role check comes first, then the action's rules in order (not yourself, not the owner, not
 * above your own role, no new owner); the first rule broken is the reason.
 */
// prettier-ignore
const TARGET_CASES: Array<[name: string, role: Role, action: Action, target: Target, expected: Decision]> = [
  // not yourself
  ['the owner cannot change their own role',                'owner', 'team.change_role',        { userId: 1, role: 'owner', newRole: 'admin' },   refused('not-self')],
  ['an admin cannot change their own role',                 'admin', 'team.change_role',        { userId: 1, role: 'admin', newRole: 'member' },  refused('not-self')],
  ['an admin cannot remove themselves (they leave)',        'admin', 'team.remove',             { userId: 1, role: 'admin' },                     refused('not-self')],
  ['the owner cannot transfer ownership to themselves',     'owner', 'team.transfer_ownership', { userId: 1 },                                    refused('not-self')],
  ['ids compare as text: "1" is user 1',                    'owner', 'team.transfer_ownership', { userId: '1', role: 'owner' },                   refused('not-self')],
  // not the owner
  ['an admin cannot demote the owner',                      'admin', 'team.change_role',        { userId: 2, role: 'owner', newRole: 'member' },  refused('not-owner')],
  ['an admin cannot remove the owner',                      'admin', 'team.remove',             { userId: 2, role: 'owner' },                     refused('not-owner')],
  // not above your own role
  ['an admin cannot invite an owner',                       'admin', 'team.invite',             { newRole: 'owner' },                             refused('not-above-own')],
  ['an admin cannot make a member the owner',               'admin', 'team.change_role',        { userId: 3, role: 'member', newRole: 'owner' },  refused('not-above-own')],
  ['an admin may invite an admin (their own rank)',         'admin', 'team.invite',             { newRole: 'admin' },                             ALLOWED],
  ['an admin may invite a viewer',                          'admin', 'team.invite',             { newRole: 'viewer' },                            ALLOWED],
  ['an admin may make a member billing',                    'admin', 'team.change_role',        { userId: 3, role: 'member', newRole: 'billing' }, ALLOWED],
  ['an admin may make a member an admin',                   'admin', 'team.change_role',        { userId: 3, role: 'member', newRole: 'admin' },  ALLOWED],
  ['an admin may demote another admin',                     'admin', 'team.change_role',        { userId: 3, role: 'admin', newRole: 'viewer' },  ALLOWED],
  ['an admin may remove another admin',                     'admin', 'team.remove',             { userId: 3, role: 'admin' },                     ALLOWED],
  ['an admin may remove a viewer',                          'admin', 'team.remove',             { userId: 3, role: 'viewer' },                    ALLOWED],
  ['the owner may invite an admin',                         'owner', 'team.invite',             { newRole: 'admin' },                             ALLOWED],
  ['the owner may demote an admin',                         'owner', 'team.change_role',        { userId: 2, role: 'admin', newRole: 'member' },  ALLOWED],
  ['the owner may remove an admin',                         'owner', 'team.remove',             { userId: 2, role: 'admin' },                     ALLOWED],
  ['the owner may transfer ownership to an admin',          'owner', 'team.transfer_ownership', { userId: 2, role: 'admin' },                     ALLOWED],
  ['the owner may transfer ownership to a viewer',          'owner', 'team.transfer_ownership', { userId: 3, role: 'viewer' },                    ALLOWED],
  // no new owner: one owner per organization, only a transfer moves it
  ['the owner cannot invite a second owner',                'owner', 'team.invite',             { newRole: 'owner' },                             refused('no-new-owner')],
  ['the owner cannot make a member a second owner',         'owner', 'team.change_role',        { userId: 2, role: 'member', newRole: 'owner' },  refused('no-new-owner')],
  ['the owner cannot make an admin a second owner',         'owner', 'team.change_role',        { userId: 2, role: 'admin', newRole: 'owner' },   refused('no-new-owner')],
  // the role comes before any target rule
  ['an admin cannot transfer ownership at all',             'admin', 'team.transfer_ownership', { userId: 2 },                                    refused('role')],
  ['billing cannot change roles, not even a viewer’s',      'billing', 'team.change_role',      { userId: 2, role: 'viewer', newRole: 'member' }, refused('role')],
  ['a member cannot invite, not even a viewer',             'member', 'team.invite',            { newRole: 'viewer' },                            refused('role')],
  ['a viewer cannot remove anyone',                         'viewer', 'team.remove',            { userId: 2, role: 'viewer' },                    refused('role')],
  // an action without target rules ignores the target
  ['an admin updating the organization: no target rules',   'admin', 'org.update',              { userId: 1, role: 'owner', newRole: 'owner' },   ALLOWED],
]

describe('canPerform: target rules', () => {
  it.each(TARGET_CASES)('%s', (_name, role, action, target, expected) => {
    expect(canPerform(actor(role), action, target)).toEqual(expected)
  })
})
