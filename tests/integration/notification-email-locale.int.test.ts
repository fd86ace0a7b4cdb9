import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { commitPortalChange } from '../../src/audit/record-portal-change'
import { asCustomer, createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { runJobsNow } from '../helpers/jobs'
import { startSmtpReceiver } from '../helpers/smtp-receiver'

let payload: Payload
let org: TestOrganization

beforeAll(async () => {
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'mail-locale')
  // Earlier files leave jobs behind; deliver them before ours.
  await runJobsNow(payload)
})

afterAll(() => {
  delete process.env.SMTP_URL
})

describe('a notification email in the recipient’s language', () => {
  it('a German member is told of their role change in German; the English admin reads English', async () => {
    await payload.update({ collection: 'users', id: org.members.member.id, data: { locale: 'de-DE' }, depth: 0 })
    const smtp = await startSmtpReceiver()
    process.env.SMTP_URL = smtp.url
    try {
      const membership = (await payload.find({ collection: 'memberships', where: { user: { equals: org.members.member.id }, organization: { equals: org.organization.id } }, limit: 1, depth: 0 })).docs[0]!
      await commitPortalChange(
        payload,
        {
          actor: { kind: 'customer', user: asCustomer(org.members.owner) },
          organization: org.organization.id,
          entity: { type: 'memberships', id: membership.id },
          action: 'member.role_changed',
          before: membership,
          event: { type: 'member.role_changed', data: { subjectUserId: org.members.member.id, changes: { role: ['member', 'viewer'] } } },
        },
        async (req) => ({ after: await payload.update({ collection: 'memberships', id: membership.id, data: { role: 'viewer' }, req }) }),
      )
      await runJobsNow(payload)
      const to = (address: string) => smtp.received.filter((mail) => JSON.stringify(mail.to).includes(address))
      const [german] = to(org.members.member.email)
      expect(german?.subject).toBe(`Die Rolle eines Mitglieds wurde geändert · ${org.organization.name}`)
      expect(german?.text).toContain(`${org.organization.name}: Die Rolle eines Mitglieds wurde geändert.`)
      expect(german?.text).toContain(`Von: ${org.members.owner.email}`)
      expect(german?.text).toContain('role: member → viewer')
      // A viewer can't open the activity page: the link is their account.
      expect(german?.text).toMatch(/Ihr Konto öffnen: \S+\/account\n/)
      const [english] = to(org.members.admin.email)
      expect(english?.subject).toBe(`A member’s role changed · ${org.organization.name}`)
      expect(english?.text).toContain('See your organization’s activity: ')
    } finally {
      await smtp.stop()
    }
  })
})
