import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { PATCH as membersPATCH } from '../../src/app/(portal)/api/team/members/route'
import { POST as acceptPOST } from '../../src/app/(portal)/api/team/invitations/accept/route'
import { POST as invitePOST } from '../../src/app/(portal)/api/team/invitations/route'
import { POST as transferPOST } from '../../src/app/(portal)/api/team/transfer-ownership/route'
import { hashSingleUseToken, newSingleUseToken } from '../../src/lib/single-use-token'
import type { User } from '../../src/payload-types'
import { createOrganizationWithEveryRole, testPayload } from '../helpers/payload'
import { routeCaller } from '../helpers/call-route'

let payload: Payload
let call: ReturnType<typeof routeCaller>

const membershipOf = async (user: User, organizationId: number) =>
  (await payload.find({ collection: 'memberships', where: { user: { equals: user.id }, organization: { equals: organizationId } }, depth: 0 })).docs[0]

/**
 * Runs `requests` while another connection holds the given membership rows FOR UPDATE, long enough
 * for every request to have read what it checks and be waiting to write. Without the team lock
 * they would all decide on the same stale reads; with it only the first gets that far, and the
 * others wait for its commit before reading. This makes the race happen every time, not by luck.
 */
async function withMembershipsHeld<T>(membershipIds: number[], requests: () => Promise<T>): Promise<T> {
  const client = await payload.db.pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT id FROM memberships WHERE id = ANY($1) FOR UPDATE', [membershipIds])
    const pending = requests()
    await new Promise((resolve) => setTimeout(resolve, 750))
    await client.query('COMMIT')
    return await pending
  } finally {
    client.release()
  }
}

beforeAll(async () => {
  payload = await testPayload()
  call = routeCaller(payload)
})

describe('concurrent team changes (real parallel requests, each in its own transaction)', () => {
  it('two admins change the same member’s role at once: both apply in turn, two audit rows that chain, no lost update', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'race-role')
    const secondAdmin = await payload.create({ collection: 'users', data: { email: `admin2-${org.organization.id}@example.test`, password: 'test-password-1' } })
    await payload.create({ collection: 'memberships', data: { user: secondAdmin.id, organization: org.organization.id, role: 'admin' } })
    const target = await membershipOf(org.members.member, org.organization.id)

    for (let round = 0; round < 2; round++) {
      const results = await withMembershipsHeld([target.id], () =>
        Promise.all([
          call(membersPATCH, org.members.admin, '/api/team/members', { method: 'PATCH', body: { memberId: target.id, newRole: 'billing' } }),
          call(membersPATCH, secondAdmin, '/api/team/members', { method: 'PATCH', body: { memberId: target.id, newRole: 'viewer' } }),
        ]),
      )
      expect(results.map((result) => result.status)).toEqual([200, 200])
    }

    const { docs: audits } = await payload.find({
      collection: 'portal-audit',
      where: { action: { equals: 'member.role_changed' }, entityId: { equals: String(target.id) } },
      sort: 'id',
      pagination: false,
      depth: 0,
    })
    expect(audits).toHaveLength(4)
    // Serialized: each change saw the role the previous one left, so the audit trail is one unbroken chain …
    expect((audits[0].before as { role: string }).role).toBe('member')
    for (let index = 1; index < audits.length; index++) {
      expect((audits[index].before as { role: string }).role).toBe((audits[index - 1].after as { role: string }).role)
    }
    // … ending where the data is.
    const final = (await membershipOf(org.members.member, org.organization.id)).role
    expect(final).toBe((audits.at(-1)!.after as { role: string }).role)
    expect(new Set(audits.map((audit) => audit.actorUser))).toEqual(new Set([org.members.admin.id, secondAdmin.id]))
  })

  it('two simultaneous ownership transfers leave exactly one owner', async () => {
    for (let round = 0; round < 2; round++) {
      const org = await createOrganizationWithEveryRole(payload, `race-owner-${round}`)
      const owner = await membershipOf(org.members.owner, org.organization.id)
      const toAdmin = await membershipOf(org.members.admin, org.organization.id)
      const toMember = await membershipOf(org.members.member, org.organization.id)
      const transfer = (memberId: number) => call(transferPOST, org.members.owner, '/api/team/transfer-ownership', { method: 'POST', body: { memberId, confirm: org.organization.name } })
      const results = await withMembershipsHeld([owner.id, toAdmin.id, toMember.id], () => Promise.all([transfer(toAdmin.id), transfer(toMember.id)]))

      expect(results.map((result) => result.status).sort()).toEqual([200, 403])
      const owners = await payload.find({ collection: 'memberships', where: { organization: { equals: org.organization.id }, role: { equals: 'owner' } }, depth: 0 })
      expect(owners.totalDocs).toBe(1)
      const winner = results[0].status === 200 ? org.members.admin : org.members.member
      expect(Number(owners.docs[0].user)).toBe(winner.id)
      expect((await membershipOf(org.members.owner, org.organization.id)).role).toBe('admin')
      const transfers = await payload.count({ collection: 'portal-audit', where: { organization: { equals: org.organization.id }, action: { equals: 'ownership.transferred' } } })
      expect(transfers.totalDocs).toBe(1)
    }
  })

  it('a double-submitted accept creates one membership', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'race-accept')
    const email = `double-${org.organization.id}@invitee.test`
    const invited = await call(invitePOST, org.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [email], role: 'member' } })
    expect(invited.status).toBe(200)
    // Swap in a token we know, the way a resend would: the real one only exists in the email.
    const token = newSingleUseToken()
    await payload.db.pool.query('UPDATE invitations SET token_hash = $1 WHERE id = $2', [hashSingleUseToken(token), invited.body.data.invitations[0].id])

    const submit = () =>
      acceptPOST(new Request('http://localhost/api/team/invitations/accept', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, name: 'Double Clicker', password: 'a-long-enough-password' }),
      }))
    const responses = await Promise.all([submit(), submit(), submit()])
    const landed = responses.map((response) => new URL(response.headers.get('location')!)).map((url) => url.pathname + (url.searchParams.get('error') ? `?${url.searchParams.get('error')}` : ''))
    expect(landed.filter((where) => where === '/account/team')).toHaveLength(1)
    const users = await payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })
    expect(users.totalDocs).toBe(1)
    expect((await payload.count({ collection: 'memberships', where: { user: { equals: users.docs[0].id } } })).totalDocs).toBe(1)
  })
})
