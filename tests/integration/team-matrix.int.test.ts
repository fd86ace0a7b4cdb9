import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { canPerform, type Target } from '../../src/access/can-perform'
import { ACTIONS, type Action, PERMISSIONS } from '../../src/access/matrix'
import { type Role, ROLES } from '../../src/access/roles'
import { DELETE as memberDELETE } from '../../src/app/(portal)/api/team/members/[memberId]/route'
import { GET as membersGET, PATCH as membersPATCH } from '../../src/app/(portal)/api/team/members/route'
import { DELETE as invitationDELETE } from '../../src/app/(portal)/api/team/invitations/[id]/route'
import { POST as invitePOST } from '../../src/app/(portal)/api/team/invitations/route'
import { POST as leavePOST } from '../../src/app/(portal)/api/team/leave/route'
import { POST as transferPOST } from '../../src/app/(portal)/api/team/transfer-ownership/route'
import type { User } from '../../src/payload-types'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { routeCaller, type RouteResult } from '../helpers/call-route'

/**
 * The whole team slice of the permission matrix, generated from PERMISSIONS and played against the
 * real route handlers: every actor role × team action × target (self or a member of each role, and
 * for role changes every new role). The expectation is what `canPerform` — the matrix plus its
 * target rules — says for that cell; the route must answer 200 exactly when it says yes and 403
 * otherwise, and a refused cell must leave the team untouched.
 *
 * Because those expectations come from the same config the routes use, the file starts with a few
 * cells written out by hand, with the status each must answer: they fail if the matrix itself
 * drifts from what the product intends.
 */

type Who = 'self' | Role
type Cell = { action: Action; actor: Role; who?: Who; newRole?: Role; allowed: boolean }

const TEAM_ACTIONS = ACTIONS.filter((action) => action.startsWith('team.'))
const targetsPeople = (action: Action) => ['team.change_role', 'team.remove', 'team.transfer_ownership'].includes(action)
/** Who an actor can aim at: themselves, or one other member per role (no second owner exists). */
const whoFor = (actor: Role): Who[] => ['self', ...ROLES.filter((role) => role !== 'owner' || actor !== 'owner')]

// Symbolic ids are enough for the expectation: the rules only compare the target's id to the actor's.
const symbolicTarget = (actor: Role, who: Who | undefined, newRole: Role | undefined): Target => ({
  ...(who ? { userId: who === 'self' ? 'actor' : 'someone-else', role: who === 'self' ? actor : who } : {}),
  ...(newRole ? { newRole } : {}),
})

const cells: Cell[] = TEAM_ACTIONS.flatMap((action) =>
  ROLES.flatMap((actor) => {
    const variants: Array<{ who?: Who; newRole?: Role }> = targetsPeople(action)
      ? whoFor(actor).flatMap((who) => (action === 'team.change_role' ? ROLES.map((newRole) => ({ who, newRole })) : [{ who }]))
      : action === 'team.invite'
        ? ROLES.map((newRole) => ({ newRole }))
        : [{}]
    return variants.map(({ who, newRole }) => ({
      action,
      actor,
      who,
      newRole,
      allowed: canPerform({ userId: 'actor', role: actor }, action, symbolicTarget(actor, who, newRole)).allowed,
    }))
  }),
)

let payload: Payload
let call: ReturnType<typeof routeCaller>
let org: TestOrganization
/** A second member for each role but owner, so an actor can aim at "someone else with my role". */
const twins = {} as Record<Exclude<Role, 'owner'>, User>
let people: Array<{ user: User; role: Role }>
const results = new Map<string, boolean>()

const membershipRows = async () =>
  (await payload.find({ collection: 'memberships', where: { organization: { equals: org.organization.id } }, depth: 0, pagination: false, sort: 'id' })).docs.map((row) => `${row.user}:${row.role}`)

/**
 * Puts every person back in the organization with their original role, after a cell that changed it.
 * The owner goes last: one owner per organization (a unique index), so whoever holds the role after
 * a transfer is demoted before the original owner gets it back.
 */
async function restoreTeam() {
  for (const { user, role } of [...people].sort((a, b) => Number(a.role === 'owner') - Number(b.role === 'owner'))) {
    const { docs } = await payload.find({ collection: 'memberships', where: { user: { equals: user.id }, organization: { equals: org.organization.id } }, depth: 0 })
    if (!docs[0]) await payload.create({ collection: 'memberships', data: { user: user.id, organization: org.organization.id, role } })
    else if (docs[0].role !== role) await payload.update({ collection: 'memberships', id: docs[0].id, data: { role } })
  }
}

const actorUser = (role: Role) => org.members[role]
const targetUser = (actor: Role, who: Who) => (who === 'self' ? actorUser(actor) : who === actor && who !== 'owner' ? twins[who] : org.members[who])

async function membershipIdOf(user: User) {
  const { docs } = await payload.find({ collection: 'memberships', where: { user: { equals: user.id }, organization: { equals: org.organization.id } }, depth: 0 })
  return docs[0].id
}

async function play(cell: Omit<Cell, 'allowed'>): Promise<RouteResult> {
  const actor = actorUser(cell.actor)
  switch (cell.action) {
    case 'team.read':
      return call(membersGET, actor, '/api/team/members')
    case 'team.invite':
      return call(invitePOST, actor, '/api/team/invitations', { method: 'POST', body: { emails: [`matrix-${cell.actor}-${cell.newRole}-${Date.now()}@invitee.test`], role: cell.newRole } })
    case 'team.revoke_invitation': {
      const invited = await call(invitePOST, org.members.owner, '/api/team/invitations', { method: 'POST', body: { emails: [`revoke-${cell.actor}-${Date.now()}@invitee.test`], role: 'viewer' } })
      const id = invited.body.data.invitations[0].id
      return call(invitationDELETE, actor, `/api/team/invitations/${id}`, { method: 'DELETE', params: { id: String(id) } })
    }
    case 'team.change_role':
      return call(membersPATCH, actor, '/api/team/members', { method: 'PATCH', body: { memberId: await membershipIdOf(targetUser(cell.actor, cell.who!)), newRole: cell.newRole } })
    case 'team.remove': {
      const memberId = await membershipIdOf(targetUser(cell.actor, cell.who!))
      return call(memberDELETE, actor, `/api/team/members/${memberId}`, { method: 'DELETE', params: { memberId: String(memberId) } })
    }
    case 'team.transfer_ownership':
      return call(transferPOST, actor, '/api/team/transfer-ownership', { method: 'POST', body: { memberId: await membershipIdOf(targetUser(cell.actor, cell.who!)), confirm: org.organization.name } })
    case 'team.leave':
      return call(leavePOST, actor, '/api/team/leave', { method: 'POST' })
    default:
      throw new Error(`No scenario for ${cell.action}: add one when a team action is added to the matrix.`)
  }
}

const describeCell = (cell: Cell) =>
  `${cell.actor} → ${cell.who ? `${cell.who === 'self' ? 'themselves' : `a ${cell.who}`}` : 'the team'}${cell.newRole ? ` as ${cell.newRole}` : ''}: ${cell.allowed ? 'allowed' : 'forbidden'}`

beforeAll(async () => {
  payload = await testPayload()
  call = routeCaller(payload)
  org = await createOrganizationWithEveryRole(payload, 'matrix')
  for (const role of ROLES.filter((role): role is Exclude<Role, 'owner'> => role !== 'owner')) {
    twins[role] = await payload.create({ collection: 'users', data: { email: `twin-${role}-${org.organization.id}@example.test`, name: `twin ${role}`, password: 'test-password-1' } })
    await payload.create({ collection: 'memberships', data: { user: twins[role].id, organization: org.organization.id, role } })
  }
  people = [...ROLES.map((role) => ({ user: org.members[role], role })), ...Object.entries(twins).map(([role, user]) => ({ user, role: role as Role }))]
})

/** Literal cells: who does what to whom, and the status the route must answer. */
// prettier-ignore
const HAND_CHECKED: Array<[name: string, cell: Omit<Cell, 'allowed'>, status: 200 | 403]> = [
  ['a member cannot invite',                        { action: 'team.invite',             actor: 'member',  newRole: 'viewer' },              403],
  ['a viewer cannot invite',                        { action: 'team.invite',             actor: 'viewer',  newRole: 'viewer' },              403],
  ['billing cannot invite',                         { action: 'team.invite',             actor: 'billing', newRole: 'member' },              403],
  ['an admin cannot invite an owner',               { action: 'team.invite',             actor: 'admin',   newRole: 'owner' },               403],
  ['an admin can invite an admin',                  { action: 'team.invite',             actor: 'admin',   newRole: 'admin' },               200],
  ['the owner cannot invite a second owner',        { action: 'team.invite',             actor: 'owner',   newRole: 'owner' },               403],
  ['a member cannot revoke an invitation',          { action: 'team.revoke_invitation',  actor: 'member' },                                  403],
  ['an admin can revoke an invitation',             { action: 'team.revoke_invitation',  actor: 'admin' },                                   200],
  ['billing cannot change roles',                   { action: 'team.change_role',        actor: 'billing', who: 'viewer', newRole: 'member' }, 403],
  ['a member cannot change roles',                  { action: 'team.change_role',        actor: 'member',  who: 'viewer', newRole: 'member' }, 403],
  ['an admin cannot change the owner’s role',       { action: 'team.change_role',        actor: 'admin',   who: 'owner',  newRole: 'admin' },  403],
  ['an admin cannot change their own role',         { action: 'team.change_role',        actor: 'admin',   who: 'self',   newRole: 'member' }, 403],
  ['an admin cannot make a member the owner',       { action: 'team.change_role',        actor: 'admin',   who: 'member', newRole: 'owner' },  403],
  ['an admin can make a member billing',            { action: 'team.change_role',        actor: 'admin',   who: 'member', newRole: 'billing' }, 200],
  ['the owner can demote an admin',                 { action: 'team.change_role',        actor: 'owner',   who: 'admin',  newRole: 'viewer' }, 200],
  ['the owner cannot make a member a second owner', { action: 'team.change_role',        actor: 'owner',   who: 'member', newRole: 'owner' },  403],
  ['an admin cannot remove the owner',              { action: 'team.remove',             actor: 'admin',   who: 'owner' },                   403],
  ['an admin cannot remove themselves',             { action: 'team.remove',             actor: 'admin',   who: 'self' },                    403],
  ['billing cannot remove anyone',                  { action: 'team.remove',             actor: 'billing', who: 'viewer' },                  403],
  ['an admin can remove a viewer',                  { action: 'team.remove',             actor: 'admin',   who: 'viewer' },                  200],
  ['an admin cannot transfer ownership',            { action: 'team.transfer_ownership', actor: 'admin',   who: 'member' },                  403],
  ['the owner cannot transfer to themselves',       { action: 'team.transfer_ownership', actor: 'owner',   who: 'self' },                    403],
  ['the owner can transfer to an admin',            { action: 'team.transfer_ownership', actor: 'owner',   who: 'admin' },                   200],
  ['the owner cannot leave',                        { action: 'team.leave',              actor: 'owner' },                                   403],
  ['a viewer can leave',                            { action: 'team.leave',              actor: 'viewer' },                                  200],
  ['a viewer can read the team',                    { action: 'team.read',               actor: 'viewer' },                                  200],
]

describe('hand-checked cells', () => {
  for (const [name, cell, expected] of HAND_CHECKED) {
    it(`${name}: ${expected}`, async () => {
      const before = await membershipRows()
      const { status, body } = await play(cell)
      expect({ status, code: body.error?.code }).toEqual(expected === 200 ? { status: 200, code: undefined } : { status: 403, code: 'forbidden' })
      if (expected === 200) await restoreTeam()
      else expect(await membershipRows()).toEqual(before)
    })
  }
})

const grantOf = (action: Action): { roles: readonly Role[]; targetRules?: readonly string[] } => PERMISSIONS[action]

for (const action of TEAM_ACTIONS) {
  describe(`${action} (${[grantOf(action).roles.join(', '), ...(grantOf(action).targetRules ?? [])].join('; ')})`, () => {
    for (const cell of cells.filter((candidate) => candidate.action === action)) {
      it(describeCell(cell), async () => {
        const before = await membershipRows()
        const { status, body } = await play(cell)
        expect({ status, code: body.error?.code }).toEqual(cell.allowed ? { status: 200, code: undefined } : { status: 403, code: 'forbidden' })
        if (cell.allowed) await restoreTeam()
        else expect(await membershipRows()).toEqual(before)
        results.set(`${cell.action}:${cell.actor}`, (results.get(`${cell.action}:${cell.actor}`) ?? false) || status === 200)
      })
    }
  })
}

afterAll(() => {
  // Read straight from the config: a role listed for an action succeeded at least once, an unlisted one never did.
  for (const action of TEAM_ACTIONS) {
    for (const role of ROLES) expect(results.get(`${action}:${role}`), `${action} for ${role}`).toBe(grantOf(action).roles.includes(role))
  }
})
