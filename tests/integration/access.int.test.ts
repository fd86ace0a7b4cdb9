import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { canPerform } from '../../src/access/can-perform'
import { ROLES } from '../../src/access/roles'
import type { Membership } from '../../src/payload-types'
import { asCustomer, createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'

let payload: Payload
let orgA: TestOrganization
let orgB: TestOrganization

const membershipOf = async (org: TestOrganization, role: keyof TestOrganization['members']): Promise<Membership> => {
  const { docs } = await payload.find({ collection: 'memberships', where: { user: { equals: org.members[role].id }, organization: { equals: org.organization.id } }, depth: 0 })
  return docs[0]
}

beforeAll(async () => {
  payload = await testPayload()
  orgA = await createOrganizationWithEveryRole(payload, 'a')
  orgB = await createOrganizationWithEveryRole(payload, 'b')
})

describe.each(ROLES)('a %s of org A, through the Local API with overrideAccess: false', (role) => {
  const actor = () => asCustomer(orgA.members[role])

  it('reads exactly org A’s memberships and none of org B’s', async () => {
    const { docs } = await payload.find({ collection: 'memberships', user: actor(), overrideAccess: false, depth: 0, pagination: false })
    expect(docs.map((doc) => doc.organization)).toEqual(Array(ROLES.length).fill(orgA.organization.id))
    const other = await payload.find({ collection: 'memberships', where: { organization: { equals: orgB.organization.id } }, user: actor(), overrideAccess: false })
    expect(other.totalDocs).toBe(0)
    const foreign = await membershipOf(orgB, 'member')
    await expect(payload.findByID({ collection: 'memberships', id: foreign.id, user: actor(), overrideAccess: false })).rejects.toThrow()
  })

  it('reads org A and not org B', async () => {
    const { docs } = await payload.find({ collection: 'organizations', user: actor(), overrideAccess: false })
    expect(docs.map((doc) => doc.id)).toEqual([orgA.organization.id])
    await expect(payload.findByID({ collection: 'organizations', id: orgB.organization.id, user: actor(), overrideAccess: false })).rejects.toThrow()
  })

  it('reads teammates’ user records and not org B’s people', async () => {
    const { docs } = await payload.find({ collection: 'users', user: actor(), overrideAccess: false, pagination: false })
    const ids = docs.map((doc) => doc.id).sort()
    expect(ids).toEqual(Object.values(orgA.members).map((user) => user.id).sort())
  })

  it('updates org A only if the matrix allows org.update, and never org B', async () => {
    const allowed = canPerform({ userId: orgA.members[role].id, role }, 'org.update').allowed
    const rename = payload.update({ collection: 'organizations', id: orgA.organization.id, data: { name: `Org A renamed by ${role}` }, user: actor(), overrideAccess: false })
    if (allowed) await expect(rename).resolves.toMatchObject({ name: `Org A renamed by ${role}` })
    else await expect(rename).rejects.toThrow()
    await expect(
      payload.update({ collection: 'organizations', id: orgB.organization.id, data: { name: 'hijacked' }, user: actor(), overrideAccess: false }),
    ).rejects.toThrow()
    expect((await payload.findByID({ collection: 'organizations', id: orgB.organization.id })).name).not.toBe('hijacked')
  })

  it('changes the viewer’s role in org A exactly as canPerform decides (target rules included)', async () => {
    const target = await membershipOf(orgA, 'viewer')
    const decision = canPerform({ userId: orgA.members[role].id, role }, 'team.change_role', { userId: Number(target.user), role: 'viewer', newRole: 'member' })
    const change = payload.update({ collection: 'memberships', id: target.id, data: { role: 'member' }, user: actor(), overrideAccess: false })
    if (decision.allowed) {
      await expect(change).resolves.toMatchObject({ role: 'member' })
      await payload.update({ collection: 'memberships', id: target.id, data: { role: 'viewer' } })
    } else {
      await expect(change).rejects.toThrow()
      expect((await payload.findByID({ collection: 'memberships', id: target.id })).role).toBe('viewer')
    }
  })

  it('cannot write the fields Stripe, staff or the session code own: billingEmail, billingMode, lastActiveAt', async () => {
    const before = await payload.findByID({ collection: 'organizations', id: orgA.organization.id, depth: 0 })
    await payload.update({ collection: 'organizations', id: orgA.organization.id, data: { billingEmail: 'attacker@evil.example', billingMode: before.billingMode === 'contract' ? 'stripe' : 'contract' }, user: actor(), overrideAccess: false }).catch(() => null)
    const after = await payload.findByID({ collection: 'organizations', id: orgA.organization.id, depth: 0 })
    expect({ billingEmail: after.billingEmail, billingMode: after.billingMode }).toEqual({ billingEmail: before.billingEmail, billingMode: before.billingMode })
    const self = orgA.members[role]
    await payload.update({ collection: 'users', id: self.id, data: { lastActiveAt: '2099-01-01T00:00:00.000Z' }, user: actor(), overrideAccess: false }).catch(() => null)
    expect((await payload.findByID({ collection: 'users', id: self.id, depth: 0 })).lastActiveAt).not.toBe('2099-01-01T00:00:00.000Z')
  })

  it('cannot promote anyone to owner (one owner; only a transfer moves it), nor touch the owner', async () => {
    const ownerMembership = await membershipOf(orgA, 'owner')
    await expect(
      payload.update({ collection: 'memberships', id: ownerMembership.id, data: { role: 'viewer' }, user: actor(), overrideAccess: false }),
    ).rejects.toThrow()
    const member = await membershipOf(orgA, 'member')
    await expect(payload.update({ collection: 'memberships', id: member.id, data: { role: 'owner' }, user: actor(), overrideAccess: false })).rejects.toThrow()
    expect((await payload.findByID({ collection: 'memberships', id: member.id })).role).toBe('member')
  })

  it('can neither change nor delete org B’s memberships, nor move a membership into org B', async () => {
    const foreign = await membershipOf(orgB, 'member')
    await expect(payload.update({ collection: 'memberships', id: foreign.id, data: { role: 'viewer' }, user: actor(), overrideAccess: false })).rejects.toThrow()
    await expect(payload.delete({ collection: 'memberships', id: foreign.id, user: actor(), overrideAccess: false })).rejects.toThrow()
    const own = await membershipOf(orgA, 'viewer')
    await expect(
      payload.update({ collection: 'memberships', id: own.id, data: { organization: orgB.organization.id }, user: actor(), overrideAccess: false }),
    ).rejects.toThrow()
    expect((await payload.findByID({ collection: 'memberships', id: foreign.id })).role).toBe('member')
    expect((await payload.findByID({ collection: 'memberships', id: own.id, depth: 0 })).organization).toBe(orgA.organization.id)
  })

  it('cannot create memberships (joining happens through invitations)', async () => {
    await expect(
      payload.create({ collection: 'memberships', data: { user: orgA.members[role].id, organization: orgB.organization.id, role: 'owner' }, user: actor(), overrideAccess: false }),
    ).rejects.toThrow()
  })
})

describe('staff', () => {
  it('see every organization’s memberships', async () => {
    const staff = await payload.find({ collection: 'staff', where: { email: { equals: 'staff@demo.test' } }, limit: 1 })
    const user = { ...staff.docs[0], collection: 'staff' as const }
    const { docs } = await payload.find({ collection: 'memberships', where: { organization: { in: [orgA.organization.id, orgB.organization.id] } }, user, overrideAccess: false, pagination: false })
    expect(docs).toHaveLength(ROLES.length * 2)
  })
})
