import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { POST as emailPOST } from '../../src/app/(portal)/api/portal/account/email/route'
import { PATCH as profilePATCH } from '../../src/app/(portal)/api/portal/account/profile/route'
import { POST as invitePOST } from '../../src/app/(portal)/api/team/invitations/route'
import { PATCH as membersPATCH } from '../../src/app/(portal)/api/team/members/route'
import { loadActivityNames } from '../../src/audit/activity-names'
import { describeActivity } from '../../src/audit/describe-activity'
import { listOrganizationActivity } from '../../src/audit/list-organization-activity'
import { listTeam } from '../../src/team/list-team'
import { teamView } from '../../src/team/team-view'
import { routeCaller } from '../helpers/call-route'
import { runJobsNow } from '../helpers/jobs'
import { asCustomer, createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { type SmtpReceiver, startSmtpReceiver } from '../helpers/smtp-receiver'

/**
 * Issue 17, item 8: a German user gets German mail and German formats. The invitation goes through
 * the real route, the email job and a real SMTP receiver; the Team rows through the domain view the page renders.
 */
let payload: Payload
let smtp: SmtpReceiver
let inviting: TestOrganization
let other: TestOrganization
const call = () => routeCaller(payload)
const mailsTo = (email: string) => smtp.received.filter((mail) => JSON.stringify(mail.to ?? '').includes(email))

beforeAll(async () => {
  smtp = await startSmtpReceiver()
  process.env.SMTP_URL = smtp.url
  payload = await testPayload()
  inviting = await createOrganizationWithEveryRole(payload, 'locale-inviting')
  other = await createOrganizationWithEveryRole(payload, 'locale-other')
  // Earlier files leave jobs behind; deliver them now so the mails below are ours.
  await runJobsNow(payload)
})
afterAll(async () => {
  delete process.env.SMTP_URL
  await smtp?.stop()
})

describe('the invitation email speaks the recipient’s language', () => {
  it('an existing German user gets it in German, the expiry in their format and time zone', async () => {
    const german = other.members.member
    await payload.update({ collection: 'users', id: german.id, data: { locale: 'de-DE', timeZone: 'Europe/Berlin' } })
    const { status } = await call()(invitePOST, inviting.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [german.email], role: 'viewer' } })
    expect(status).toBe(200)
    await runJobsNow(payload)
    const [mail, ...more] = mailsTo(german.email)
    expect(more).toHaveLength(0)
    expect(mail!.subject).toBe(`Sie sind eingeladen, ${inviting.organization.name} auf Portico beizutreten`)
    expect(mail!.text).toContain(`auf Portico als Betrachter beizutreten. Öffnen Sie diesen Link, um anzunehmen:`)
    expect(mail!.text).toMatch(/Der Link funktioniert einmal und läuft am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} \(Europe\/Berlin\) ab\./)
  })

  it('an address with no account gets it in English (the product default is unset)', async () => {
    const email = `new-${Date.now()}@invitee.test`
    await call()(invitePOST, inviting.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [email], role: 'member' } })
    await runJobsNow(payload)
    const [mail] = mailsTo(email)
    expect(mail!.subject).toBe(`You’re invited to join ${inviting.organization.name} on Portico`)
    expect(mail!.text).toMatch(/expires on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M \(UTC\)\./)
  })
})

describe('the Team page’s rows in German formats', () => {
  it('joined and last-active dates are written the German way, "Nie" for never', async () => {
    const team = await listTeam(payload, inviting.organization.id)
    const view = teamView(team, { userId: inviting.members.owner.id, role: 'owner' }, { locale: 'de', formatLocale: 'de-DE', timeZone: 'Europe/Berlin' })
    for (const member of view.members) {
      expect(member.joinedLabel).toMatch(/^\d{2}\.\d{2}\.\d{4}$/)
      expect(member.lastActiveLabel).toMatch(/^(\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}|Nie)$/)
    }
    expect(view.invitations.every((invitation) => /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/.test(invitation.expiresLabel))).toBe(true)
  })
})

describe('the activity timeline names people, in both languages', () => {
  it('a role change made through the route reads as a sentence with the names of both people, not their ids', async () => {
    const { owner, viewer } = inviting.members
    const membership = (await payload.find({ collection: 'memberships', where: { user: { equals: viewer.id }, organization: { equals: inviting.organization.id } }, depth: 0 })).docs[0]!
    expect((await call()(membersPATCH, owner, '/api/team/members', { method: 'PATCH', body: { memberId: membership.id, newRole: 'member' } })).status).toBe(200)
    const { entries } = await listOrganizationActivity(payload, asCustomer(owner), { organizationId: inviting.organization.id, action: 'member.role_changed' })
    const names = await loadActivityNames(payload, entries)
    const describe = (locale: 'en' | 'de') => describeActivity(entries[0]!, { names, format: { locale }, organizationName: inviting.organization.name }).sentence
    expect(describe('en')).toBe(`${owner.name} changed ${viewer.name}’s role from Viewer to Member`)
    expect(describe('de')).toBe(`${owner.name} hat die Rolle von ${viewer.name} von Betrachter zu Mitglied geändert`)
  })

  it('a route answers a German user in German — zod’s field messages and the domain’s — while an English user, at the same time, reads English', async () => {
    const german = other.members.member
    await payload.update({ collection: 'users', id: german.id, data: { locale: 'de-DE' }, depth: 0 })
    const english = other.members.viewer
    const badProfile = { name: ' ', locale: 'de-DE', timeZone: 'Europe/Berlin' }
    const wrongPassword = { newEmail: `neu-${german.id}@locale.test`, password: 'not-the-password' }
    const [germanProfile, englishProfile, germanEmail] = await Promise.all([
      call()(profilePATCH, german, '/api/portal/account/profile', { method: 'PATCH', body: badProfile }),
      call()(profilePATCH, english, '/api/portal/account/profile', { method: 'PATCH', body: badProfile }),
      call()(emailPOST, german, '/api/portal/account/email', { method: 'POST', body: wrongPassword }),
    ])
    expect(germanProfile.status).toBe(422)
    expect(germanProfile.body.error).toMatchObject({ message: 'Einige Felder brauchen Ihre Aufmerksamkeit.', fields: { name: 'Geben Sie Ihren Namen ein.' } })
    expect(englishProfile.body.error).toMatchObject({ message: 'Some fields need attention.', fields: { name: 'Enter your name.' } })
    expect(germanEmail.body.error?.fields).toEqual({ password: 'Das ist nicht Ihr aktuelles Passwort.' })
  })
})
