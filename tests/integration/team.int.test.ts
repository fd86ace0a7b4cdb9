import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { simpleParser } from 'mailparser'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { DELETE as memberDELETE } from '../../src/app/(portal)/api/team/members/[memberId]/route'
import { GET as membersGET, PATCH as membersPATCH } from '../../src/app/(portal)/api/team/members/route'
import { DELETE as invitationDELETE } from '../../src/app/(portal)/api/team/invitations/[id]/route'
import { POST as resendPOST } from '../../src/app/(portal)/api/team/invitations/[id]/resend/route'
import { POST as acceptPOST } from '../../src/app/(portal)/api/team/invitations/accept/route'
import { POST as invitePOST } from '../../src/app/(portal)/api/team/invitations/route'
import { POST as leavePOST } from '../../src/app/(portal)/api/team/leave/route'
import { POST as transferPOST } from '../../src/app/(portal)/api/team/transfer-ownership/route'
import { hashSingleUseToken } from '../../src/lib/single-use-token'
import type { User } from '../../src/payload-types'
import { createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { routeCaller } from '../helpers/call-route'
import { runJobsNow } from '../helpers/jobs'

let payload: Payload
let call: ReturnType<typeof routeCaller>
let mailDir: string

const membershipOf = async (user: User, organizationId: number) =>
  (await payload.find({ collection: 'memberships', where: { user: { equals: user.id }, organization: { equals: organizationId } }, depth: 0 })).docs[0]

const auditRows = async (organizationId: number, action: string) =>
  (await payload.find({ collection: 'portal-audit', where: { organization: { equals: organizationId }, action: { equals: action } }, depth: 0, pagination: false })).docs

const eventRows = async (organizationId: number, type: string) =>
  (await payload.find({ collection: 'portal-events', where: { organization: { equals: organizationId }, type: { equals: type } }, depth: 0, pagination: false })).docs

/**
 * The invitation link in the last email sent to `to`, once the queued email jobs have run (the demo
 * transport writes .eml files when SMTP_URL is unset).
 */
async function invitationTokenSentTo(to: string): Promise<string> {
  await runJobsNow(payload)
  const files = (await readdir(mailDir)).filter((file) => file.endsWith('.eml')).sort()
  for (const file of files.reverse()) {
    const mail = await simpleParser(await readFile(path.join(mailDir, file)))
    const recipients = [mail.to].flat().flatMap((field) => field?.value.map((address) => address.address) ?? [])
    if (!recipients.includes(to)) continue
    expect(mail.subject).toMatch(/invited to join/)
    return mail.text!.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]
  }
  throw new Error(`No invitation mail to ${to}`)
}

/** The accept form's POST, as the browser sends it (optionally signed in as `user`). */
async function accept(fields: Record<string, string>, token?: string) {
  const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' })
  if (token) headers.set('Authorization', `JWT ${token}`)
  const response = await acceptPOST(new Request('http://localhost/api/team/invitations/accept', { method: 'POST', headers, body: new URLSearchParams(fields) }))
  return { status: response.status, location: new URL(response.headers.get('location')!), cookies: response.headers.getSetCookie() }
}

const unique = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}@invitee.test`

beforeAll(async () => {
  mailDir = await mkdtemp(path.join(tmpdir(), 'portico-team-mail-'))
  process.env.PORTICO_MAIL_DIR = mailDir
  delete process.env.SMTP_URL
  payload = await testPayload()
  call = routeCaller(payload)
})

describe('invitations', () => {
  let org: TestOrganization
  beforeAll(async () => {
    org = await createOrganizationWithEveryRole(payload, 'team-invite')
  })

  it('invites a pasted list, stores only the token hash, queues the link sealed, mails it, audits and emits member.invited', async () => {
    const first = unique('first')
    const second = unique('second')
    const { status, body } = await call(invitePOST, org.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [`${first.toUpperCase()}, Second Person <${second}>`], role: 'member' } })
    expect(status).toBe(200)
    expect(body.data.invitations.map((invitation: { email: string }) => invitation.email)).toEqual([first, second])
    // Queued in the invitation's transaction, sealed: the job row can't give the link away.
    const { rows: queued } = await payload.db.pool.query(`SELECT input::text AS input FROM payload_jobs WHERE task_slug = 'send-email' AND completed_at IS NULL`)
    expect(queued.length).toBeGreaterThanOrEqual(2)
    const queuedInputs = queued.map((row) => row.input).join('\n')
    expect(queuedInputs).not.toContain(first)

    const token = await invitationTokenSentTo(first)
    expect(queuedInputs).not.toContain(token)
    const { rows } = await payload.db.pool.query('SELECT token_hash FROM invitations WHERE email = $1', [first])
    expect(rows).toEqual([{ token_hash: hashSingleUseToken(token) }])
    const { rows: leaks } = await payload.db.pool.query('SELECT count(*)::int AS n FROM invitations WHERE token_hash = $1', [token])
    expect(leaks[0].n).toBe(0)

    const listing = await call(membersGET, org.members.viewer, '/api/team/members')
    expect(listing.status).toBe(200)
    expect(listing.body.data.invitations.map((invitation: { email: string }) => invitation.email)).toEqual(expect.arrayContaining([first, second]))
    expect(JSON.stringify(listing.body)).not.toMatch(/tokenHash|token_hash/)
    expect(JSON.stringify(listing.body)).not.toContain(hashSingleUseToken(token))

    const audits = await auditRows(org.organization.id, 'member.invited')
    expect(audits.length).toBe(2)
    expect(JSON.stringify(audits)).not.toContain(hashSingleUseToken(token))
    expect((await eventRows(org.organization.id, 'member.invited')).length).toBe(2)
  })

  it('refuses bad input with a field message and writes nothing', async () => {
    const before = await payload.count({ collection: 'invitations', where: { organization: { equals: org.organization.id } } })
    const attempts: Array<[unknown, RegExp]> = [
      [{ emails: ['not-an-address', unique('ok')], role: 'member' }, /aren’t email addresses: not-an-address/],
      [{ emails: [org.members.viewer.email], role: 'member' }, /Already members/],
      [{ emails: [' '], role: 'member' }, /at least one/],
    ]
    for (const [body, message] of attempts) {
      const result = await call(invitePOST, org.members.admin, '/api/team/invitations', { method: 'POST', body })
      expect(result.status).toBe(422)
      expect(result.body.error!.fields!.emails).toMatch(message)
    }
    const wrongRole = await call(invitePOST, org.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [unique('x')], role: 'emperor' } })
    expect(wrongRole.status).toBe(422)
    expect(wrongRole.body.error!.fields!.role).toBeTruthy()
    const after = await payload.count({ collection: 'invitations', where: { organization: { equals: org.organization.id } } })
    expect(after.totalDocs).toBe(before.totalDocs)
  })

  it('refuses an address that is already invited, and a role above the inviter’s own', async () => {
    const email = unique('twice')
    expect((await call(invitePOST, org.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [email], role: 'viewer' } })).status).toBe(200)
    const again = await call(invitePOST, org.members.owner, '/api/team/invitations', { method: 'POST', body: { emails: [email], role: 'viewer' } })
    expect(again.status).toBe(422)
    expect(again.body.error!.fields!.emails).toMatch(/Already invited/)
    const above = await call(invitePOST, org.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [unique('above')], role: 'owner' } })
    expect(above.status).toBe(403)
    expect(above.body.error!.message).toMatch(/above your own/)
  })

  it('holds to the plan’s seat limit: members plus pending invitations', async () => {
    const small = await createOrganizationWithEveryRole(payload, 'team-seats')
    await payload.update({ collection: 'organizations', id: small.organization.id, data: { seatLimit: 7 } })
    const fits = await call(invitePOST, small.members.owner, '/api/team/invitations', { method: 'POST', body: { emails: [unique('s1')], role: 'member' } })
    expect(fits.status).toBe(200)
    const over = await call(invitePOST, small.members.owner, '/api/team/invitations', { method: 'POST', body: { emails: [unique('s2'), unique('s3')], role: 'member' } })
    expect(over.status).toBe(422)
    expect(over.body.error!.fields!.emails).toMatch(/7 seats and 6 are in use.*invite 1 more/)
    expect((await call(invitePOST, small.members.owner, '/api/team/invitations', { method: 'POST', body: { emails: [unique('s4')], role: 'member' } })).status).toBe(200)
  })

  it('a new person creates an account through the link, joins with the invited role, is signed in, and the link then refuses', async () => {
    const email = unique('newcomer')
    await call(invitePOST, org.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [email], role: 'billing' } })
    const token = await invitationTokenSentTo(email)

    const short = await accept({ token, name: 'Nia Newcomer', password: 'short' })
    expect(short.location.searchParams.get('error')).toBe('password')

    const joined = await accept({ token, name: 'Nia Newcomer', password: 'a-long-enough-password' })
    expect(joined.status).toBe(303)
    expect(joined.location.pathname).toBe('/account/team')
    expect(joined.cookies.some((cookie) => cookie.startsWith('payload-token='))).toBe(true)
    expect(joined.cookies).toContain(`portico-org=${org.organization.id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`)

    const user = (await payload.find({ collection: 'users', where: { email: { equals: email } } })).docs[0]
    expect(user.name).toBe('Nia Newcomer')
    expect((await membershipOf(user, org.organization.id)).role).toBe('billing')
    // The cookie it set is a working session in the organization.
    const sessionToken = joined.cookies.find((cookie) => cookie.startsWith('payload-token='))!.split(';')[0].split('=')[1]
    const listing = await membersGET(new Request('http://localhost/api/team/members', { headers: { Authorization: `JWT ${sessionToken}` } }))
    expect((await listing.json()).data.members.map((member: { email: string }) => member.email)).toContain(email)
    expect((await auditRows(org.organization.id, 'member.joined')).some((row) => Number(row.actorUser) === user.id)).toBe(true)

    const reused = await accept({ token, name: 'Someone Else', password: 'a-long-enough-password' })
    expect(reused.location.searchParams.get('error')).toBe('accepted')
    const memberships = await payload.count({ collection: 'memberships', where: { user: { equals: user.id } } })
    expect(memberships.totalDocs).toBe(1)
  })

  it('an existing user joins in one click when signed in as the invited address; another account is told it is the wrong one', async () => {
    const other = await createOrganizationWithEveryRole(payload, 'team-existing')
    const existing = other.members.member
    await call(invitePOST, org.members.owner, '/api/team/invitations', { method: 'POST', body: { emails: [existing.email], role: 'viewer' } })
    const token = await invitationTokenSentTo(existing.email)

    const { token: wrongSession } = await payload.login({ collection: 'users', data: { email: other.members.viewer.email, password: 'test-password-1' } })
    expect((await accept({ token }, wrongSession!)).location.searchParams.get('error')).toBe('wrong_account')
    const signedOut = await accept({ token })
    expect(signedOut.location.searchParams.get('error')).toBe('name')

    const { token: session } = await payload.login({ collection: 'users', data: { email: existing.email, password: 'test-password-1' } })
    const joined = await accept({ token }, session!)
    expect(joined.location.pathname).toBe('/account/team')
    expect(joined.cookies.some((cookie) => cookie.startsWith('payload-token='))).toBe(false)
    expect((await membershipOf(existing, org.organization.id)).role).toBe('viewer')
    expect((await membershipOf(existing, other.organization.id)).role).toBe('member')
  })

  it('an expired, revoked or made-up link is refused with its reason; resend gives a fresh link and kills the old one', async () => {
    const expiredEmail = unique('expired')
    const revokedEmail = unique('revoked')
    const sent = await call(invitePOST, org.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [expiredEmail, revokedEmail], role: 'member' } })
    const [expired, revoked] = sent.body.data.invitations
    const expiredToken = await invitationTokenSentTo(expiredEmail)
    const revokedToken = await invitationTokenSentTo(revokedEmail)
    await payload.db.pool.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id])
    expect((await accept({ token: expiredToken, name: 'Late', password: 'a-long-enough-password' })).location.searchParams.get('error')).toBe('expired')

    const revokedResult = await call(invitationDELETE, org.members.admin, `/api/team/invitations/${revoked.id}`, { method: 'DELETE', params: { id: String(revoked.id) } })
    expect(revokedResult.status).toBe(200)
    expect((await accept({ token: revokedToken, name: 'Nope', password: 'a-long-enough-password' })).location.searchParams.get('error')).toBe('revoked')
    expect((await eventRows(org.organization.id, 'invitation.revoked')).length).toBeGreaterThan(0)
    const twice = await call(invitationDELETE, org.members.admin, `/api/team/invitations/${revoked.id}`, { method: 'DELETE', params: { id: String(revoked.id) } })
    expect(twice.status).toBe(409)

    expect((await accept({ token: 'x'.repeat(43), name: 'Who', password: 'a-long-enough-password' })).location.searchParams.get('error')).toBe('unknown')

    const resent = await call(resendPOST, org.members.admin, `/api/team/invitations/${expired.id}/resend`, { method: 'POST', params: { id: String(expired.id) } })
    expect(resent.status).toBe(200)
    expect(Date.parse(resent.body.data.expiresAt)).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000)
    const freshToken = await invitationTokenSentTo(expiredEmail)
    expect(freshToken).not.toBe(expiredToken)
    expect((await accept({ token: expiredToken, name: 'Late', password: 'a-long-enough-password' })).location.searchParams.get('error')).toBe('unknown')
    expect((await accept({ token: freshToken, name: 'Late', password: 'a-long-enough-password' })).location.pathname).toBe('/account/team')
  })
})

describe('members', () => {
  it('change role: admins change members below them; not themselves, not the owner, nothing above their own', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'team-roles')
    const member = await membershipOf(org.members.member, org.organization.id)
    const self = await membershipOf(org.members.admin, org.organization.id)
    const owner = await membershipOf(org.members.owner, org.organization.id)
    const patch = (actor: User, memberId: number, newRole: string) => call(membersPATCH, actor, '/api/team/members', { method: 'PATCH', body: { memberId, newRole } })

    const promoted = await patch(org.members.admin, member.id, 'admin')
    expect(promoted.status).toBe(200)
    expect(promoted.body.data).toEqual({ memberId: member.id, role: 'admin', previousRole: 'member' })
    const audit = (await auditRows(org.organization.id, 'member.role_changed'))[0]
    expect(audit).toMatchObject({ entityType: 'memberships', entityId: String(member.id), before: { role: 'member' }, after: { role: 'admin' }, userAgent: 'vitest' })
    const [event] = await eventRows(org.organization.id, 'member.role_changed')
    expect(event.data).toMatchObject({ subjectUserId: org.members.member.id, changes: { role: ['member', 'admin'] } })

    expect((await patch(org.members.admin, self.id, 'viewer')).body.error!.message).toMatch(/your own role/)
    expect((await patch(org.members.admin, owner.id, 'viewer')).body.error!.message).toMatch(/transferring ownership/)
    expect((await patch(org.members.admin, member.id, 'owner')).status).toBe(403)
    expect((await patch(org.members.billing, member.id, 'viewer')).status).toBe(403)
    expect((await patch(org.members.admin, member.id, 'root')).status).toBe(422)
    expect((await membershipOf(org.members.member, org.organization.id)).role).toBe('admin')
  })

  it('one owner: the owner can neither grant the owner role nor invite as owner; staff can’t make a second owner either', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'one-owner')
    const member = await membershipOf(org.members.member, org.organization.id)
    const promote = await call(membersPATCH, org.members.owner, '/api/team/members', { method: 'PATCH', body: { memberId: member.id, newRole: 'owner' } })
    expect(promote.status).toBe(403)
    expect(promote.body.error!.message).toMatch(/Transfer ownership/)
    const invite = await call(invitePOST, org.members.owner, '/api/team/invitations', { method: 'POST', body: { emails: [unique('co-owner')], role: 'owner' } })
    expect(invite.status).toBe(403)
    // Staff bypass the matrix, not PostgreSQL: a second owner row is refused by the unique index.
    await expect(payload.update({ collection: 'memberships', id: member.id, data: { role: 'owner' } })).rejects.toThrow()
    const owners = await payload.find({ collection: 'memberships', where: { organization: { equals: org.organization.id }, role: { equals: 'owner' } }, depth: 0 })
    expect(owners.docs.map((membership) => Number(membership.user))).toEqual([org.members.owner.id])
    expect(await payload.count({ collection: 'invitations', where: { organization: { equals: org.organization.id } } })).toMatchObject({ totalDocs: 0 })
  })

  it('remove: the removed member’s very next request no longer reaches the organization', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'team-remove')
    const target = await membershipOf(org.members.member, org.organization.id)
    expect((await call(membersGET, org.members.member, '/api/team/members')).status).toBe(200)

    const owner = await membershipOf(org.members.owner, org.organization.id)
    expect((await call(memberDELETE, org.members.admin, `/api/team/members/${owner.id}`, { method: 'DELETE', params: { memberId: String(owner.id) } })).status).toBe(403)
    const removed = await call(memberDELETE, org.members.admin, `/api/team/members/${target.id}`, { method: 'DELETE', params: { memberId: String(target.id) } })
    expect(removed.status).toBe(200)

    // Same session token, same organization cookie: nothing resolves any more.
    const after = await call(membersGET, org.members.member, '/api/team/members', { organizationId: org.organization.id })
    expect(after.status).toBe(404)
    expect(await membershipOf(org.members.member, org.organization.id)).toBeUndefined()
    expect((await eventRows(org.organization.id, 'member.removed'))[0].data).toMatchObject({ subjectUserId: org.members.member.id })
  })

  it('transfer ownership: the name must be typed; the new owner is the only owner and the old one is an admin', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'team-transfer')
    const heir = await membershipOf(org.members.viewer, org.organization.id)
    const wrong = await call(transferPOST, org.members.owner, '/api/team/transfer-ownership', { method: 'POST', body: { memberId: heir.id, confirm: 'Some other name' } })
    expect(wrong.status).toBe(422)
    expect(wrong.body.error!.fields!.confirm).toContain(org.organization.name)

    const done = await call(transferPOST, org.members.owner, '/api/team/transfer-ownership', { method: 'POST', body: { memberId: heir.id, confirm: ` ${org.organization.name.toUpperCase()} ` } })
    expect(done.status).toBe(200)
    const owners = await payload.find({ collection: 'memberships', where: { organization: { equals: org.organization.id }, role: { equals: 'owner' } }, depth: 0 })
    expect(owners.docs.map((membership) => Number(membership.user))).toEqual([org.members.viewer.id])
    expect((await membershipOf(org.members.owner, org.organization.id)).role).toBe('admin')
    expect((await auditRows(org.organization.id, 'ownership.transferred')).length).toBe(1)

    // The former owner is an admin now: transferring again is not theirs to do.
    const again = await call(transferPOST, org.members.owner, '/api/team/transfer-ownership', { method: 'POST', body: { memberId: heir.id, confirm: org.organization.name } })
    expect(again.status).toBe(403)
  })

  it('leave: everyone but the owner can leave', async () => {
    const org = await createOrganizationWithEveryRole(payload, 'team-leave')
    expect((await call(leavePOST, org.members.owner, '/api/team/leave', { method: 'POST' })).status).toBe(403)
    const left = await call(leavePOST, org.members.billing, '/api/team/leave', { method: 'POST' })
    expect(left.status).toBe(200)
    expect(await membershipOf(org.members.billing, org.organization.id)).toBeUndefined()
    const [audit] = await auditRows(org.organization.id, 'member.left')
    expect(Number(audit.actorUser)).toBe(org.members.billing.id)
    expect((await eventRows(org.organization.id, 'member.left')).length).toBe(1)
  })
})

describe('cross-tenant: an admin of A guessing B’s ids', () => {
  let orgA: TestOrganization
  let orgB: TestOrganization
  beforeAll(async () => {
    orgA = await createOrganizationWithEveryRole(payload, 'team-xa')
    orgB = await createOrganizationWithEveryRole(payload, 'team-xb')
  })

  it('cannot list, change, remove, transfer to or revoke in B — B’s ids are "not found" and nothing in B changes', async () => {
    const admin = orgA.members.admin
    const bMember = await membershipOf(orgB.members.member, orgB.organization.id)
    const bInvite = await call(invitePOST, orgB.members.owner, '/api/team/invitations', { method: 'POST', body: { emails: [unique('b-only')], role: 'viewer' } })
    const bInvitationId = bInvite.body.data.invitations[0].id

    const listing = await call(membersGET, admin, '/api/team/members', { organizationId: orgB.organization.id })
    const emails = listing.body.data.members.map((member: { email: string }) => member.email)
    expect(emails).toContain(orgA.members.owner.email)
    expect(emails).not.toContain(orgB.members.owner.email)
    expect(listing.body.data.invitations.map((invitation: { id: number }) => invitation.id)).not.toContain(bInvitationId)

    const attempts = [
      await call(membersPATCH, admin, '/api/team/members', { method: 'PATCH', body: { memberId: bMember.id, newRole: 'viewer' }, organizationId: orgB.organization.id }),
      await call(memberDELETE, admin, `/api/team/members/${bMember.id}`, { method: 'DELETE', params: { memberId: String(bMember.id) }, organizationId: orgB.organization.id }),
      await call(invitationDELETE, admin, `/api/team/invitations/${bInvitationId}`, { method: 'DELETE', params: { id: String(bInvitationId) } }),
      await call(resendPOST, admin, `/api/team/invitations/${bInvitationId}/resend`, { method: 'POST', params: { id: String(bInvitationId) } }),
      await call(transferPOST, orgA.members.owner, '/api/team/transfer-ownership', { method: 'POST', body: { memberId: bMember.id, confirm: orgA.organization.name } }),
    ]
    for (const attempt of attempts) expect([attempt.status, attempt.body.error?.code]).toEqual([404, 'not_found'])
    expect((await membershipOf(orgB.members.member, orgB.organization.id)).role).toBe('member')
    expect((await payload.findByID({ collection: 'invitations', id: bInvitationId })).status).toBe('pending')
  })

  it('cannot invite into B: the switcher cookie for B is ignored and the invitation lands in A', async () => {
    const email = unique('cookie')
    const result = await call(invitePOST, orgA.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [email], role: 'viewer' }, organizationId: orgB.organization.id })
    expect(result.status).toBe(200)
    const invitation = await payload.findByID({ collection: 'invitations', id: result.body.data.invitations[0].id, depth: 0 })
    expect(invitation.organization).toBe(orgA.organization.id)
    expect((await payload.count({ collection: 'invitations', where: { organization: { equals: orgB.organization.id }, email: { equals: email } } })).totalDocs).toBe(0)
  })

  it('Payload’s own REST/Local API with the admin’s user reads no invitation of B', async () => {
    const { docs } = await payload.find({ collection: 'invitations', user: { ...orgA.members.admin, collection: 'users' }, overrideAccess: false, pagination: false, depth: 0 })
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((invitation) => invitation.organization === orgA.organization.id && invitation.status === 'pending')).toBe(true)
    expect(docs.every((invitation) => !('tokenHash' in invitation))).toBe(true)
  })
})
