import { describe, expect, it } from 'vitest'

import { canPerform } from '../../src/access/can-perform'
import { ACTIONS, PERMISSIONS } from '../../src/access/matrix'
import { ROLES, type Role } from '../../src/access/roles'

const actor = (role: Role) => ({ userId: 1, role })

describe('canPerform: the matrix', () => {
  it.each(ROLES.flatMap((role) => ACTIONS.map((action) => [role, action] as const)))('%s → %s follows PERMISSIONS without a target', (role, action) => {
    const listed = (PERMISSIONS[action].roles as readonly Role[]).includes(role)
    expect(canPerform(actor(role), action).allowed).toBe(listed)
  })
})

describe('canPerform: target rules', () => {
  it('nobody changes their own role', () => {
    expect(canPerform(actor('owner'), 'team.change_role', { userId: 1, role: 'owner', newRole: 'admin' })).toEqual({ allowed: false, reason: 'not-self' })
  })

  it('an admin cannot demote or remove the owner', () => {
    expect(canPerform(actor('admin'), 'team.change_role', { userId: 2, role: 'owner', newRole: 'member' }).allowed).toBe(false)
    expect(canPerform(actor('admin'), 'team.remove', { userId: 2, role: 'owner' }).allowed).toBe(false)
  })

  it('nobody grants a role above their own', () => {
    expect(canPerform(actor('admin'), 'team.invite', { newRole: 'owner' })).toEqual({ allowed: false, reason: 'not-above-own' })
    expect(canPerform(actor('admin'), 'team.invite', { newRole: 'admin' }).allowed).toBe(true)
    expect(canPerform(actor('admin'), 'team.change_role', { userId: 3, role: 'member', newRole: 'billing' }).allowed).toBe(true)
  })

  it('only the owner transfers ownership, and not to themselves', () => {
    expect(canPerform(actor('owner'), 'team.transfer_ownership', { userId: 2, role: 'admin' }).allowed).toBe(true)
    expect(canPerform(actor('owner'), 'team.transfer_ownership', { userId: 1 }).allowed).toBe(false)
    expect(canPerform(actor('admin'), 'team.transfer_ownership', { userId: 2 })).toEqual({ allowed: false, reason: 'role' })
  })

  it('the owner cannot leave; everyone else can', () => {
    expect(canPerform(actor('owner'), 'team.leave').allowed).toBe(false)
    for (const role of ROLES.filter((candidate) => candidate !== 'owner')) expect(canPerform(actor(role), 'team.leave').allowed).toBe(true)
  })
})
