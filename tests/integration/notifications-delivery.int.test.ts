import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { commitPortalChange } from '../../src/audit/record-portal-change'
import type { Membership, NotificationDelivery, Staff } from '../../src/payload-types'
import { savePreferences } from '../../src/notifications/save-preferences'
import { freePort } from '../../scripts/lib/free-port'
import { payloadHttp } from '../helpers/payload-http'
import { asCustomer, createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'
import { runJobsNow, skipBackoff } from '../helpers/jobs'
import { SLACK_WEBHOOK, slackPosts, startHttpReceiver } from '../helpers/http-receiver'
import { startSmtpReceiver } from '../helpers/smtp-receiver'

let payload: Payload
let org: TestOrganization
let staff: Staff & { collection: 'staff' }

const routeSlackTo = (url: string | null) =>
  payload.updateGlobal({ slug: 'notification-settings', data: { slackWebhookUrl: url, eventRules: [] } })

const membershipOf = async (userId: number): Promise<Membership> =>
  (await payload.find({ collection: 'memberships', where: { user: { equals: userId }, organization: { equals: org.organization.id } }, limit: 1, depth: 0 })).docs[0]

/** A role change through the one write path, as the org's admin — the way the Team screen will make it. */
async function changeRole(userId: number, role: Membership['role']) {
  const membership = await membershipOf(userId)
  return commitPortalChange(
    payload,
    {
      actor: { kind: 'customer', user: asCustomer(org.members.owner) },
      organization: org.organization.id,
      entity: { type: 'memberships', id: membership.id },
      action: 'member.role_changed',
      before: membership,
      event: { type: 'member.role_changed', data: { subjectUserId: userId, changes: { role: [membership.role, role] } } },
    },
    async (req) => ({ after: await payload.update({ collection: 'memberships', id: membership.id, data: { role }, req }) }),
  )
}

const deliveriesOf = async (eventId: number): Promise<NotificationDelivery[]> =>
  (await payload.find({ collection: 'notification-deliveries', where: { event: { equals: eventId } }, pagination: false, depth: 0 })).docs

beforeAll(async () => {
  process.env.PORTICO_MAIL_DIR = await mkdtemp(path.join(tmpdir(), 'portico-mail-'))
  payload = await testPayload()
  org = await createOrganizationWithEveryRole(payload, 'notify')
  const { docs } = await payload.find({ collection: 'staff', where: { email: { equals: 'staff@demo.test' } }, limit: 1 })
  staff = { ...docs[0], collection: 'staff' }
  // Earlier files leave jobs behind (seed, their own changes); deliver them before measuring ours.
  await runJobsNow(payload)
})

afterEach(async () => {
  delete process.env.SMTP_URL
  await routeSlackTo(null)
  await skipBackoff(payload)
  await runJobsNow(payload)
})

describe('Slack: retries until the receiver recovers', () => {
  it('a receiver answering 500 to the first 3 posts gets the message exactly once, with exponential backoff between tries', async () => {
    const slack = await startHttpReceiver({ ...SLACK_WEBHOOK, failFirst: 3 })
    try {
      await routeSlackTo(slack.url)
      const { event } = await changeRole(org.members.viewer.id, 'member')
      const waits: number[] = []
      for (let attempt = 0; attempt < 6 && slack.accepted.length === 0; attempt++) {
        await runJobsNow(payload)
        const { rows } = await payload.db.pool.query(
          `SELECT extract(epoch FROM wait_until - now()) AS wait FROM payload_jobs WHERE task_slug = 'deliver-notification' AND input->>'deliveryId' IN (SELECT id::text FROM notification_deliveries WHERE event_id = $1 AND channel = 'slack') AND wait_until > now()`,
          [event!.id],
        )
        if (rows[0]) {
          waits.push(Number(rows[0].wait))
          // Staff see the backoff: the delivery's next try is the waiting job's time, in the future.
          const [waiting] = (await deliveriesOf(event!.id)).filter((delivery) => delivery.channel === 'slack')
          expect(waiting).toMatchObject({ status: 'retrying' })
          expect(Date.parse(waiting!.nextAttemptAt!) - Date.now()).toBeGreaterThan(0)
          expect(Math.abs(Date.parse(waiting!.nextAttemptAt!) - Date.now() - Number(rows[0].wait) * 1000)).toBeLessThan(2_000)
        }
        await skipBackoff(payload)
      }
      await runJobsNow(payload)
      expect(slack.attempts()).toBe(4)
      expect(slack.accepted).toHaveLength(1)
      expect(waits).toHaveLength(3)
      expect(waits[1]).toBeGreaterThan(waits[0] * 1.5)
      expect(waits[2]).toBeGreaterThan(waits[1] * 1.5)

      const [post] = slackPosts(slack)
      expect(post.text).toContain('A member’s role changed')
      const json = JSON.stringify(post.blocks)
      expect(json).toContain(org.organization.name)
      expect(json).toContain(org.members.owner.email)
      expect(json).toContain('role: viewer → member')
      expect(json).toContain(`/admin/collections/portal-audit/`)
      const [slackDelivery] = (await deliveriesOf(event!.id)).filter((delivery) => delivery.channel === 'slack')
      expect(slackDelivery).toMatchObject({ status: 'sent', attempts: 4 })

      // Running everything again (a redelivered job, a second worker) posts nothing more.
      await payload.jobs.queue({ task: 'deliver-notification', input: { deliveryId: slackDelivery.id } })
      await runJobsNow(payload)
      expect(slack.accepted).toHaveLength(1)
    } finally {
      await slack.stop()
      await changeRole(org.members.viewer.id, 'viewer')
    }
  })

  it('a Slack that is down never fails the write; after the last retry the delivery is failed, visible to staff, and a staff retry delivers it', async () => {
    const slack = await startHttpReceiver(SLACK_WEBHOOK)
    slack.setFailing(true)
    try {
      await routeSlackTo(slack.url)
      const { event } = await changeRole(org.members.member.id, 'billing')
      expect((await membershipOf(org.members.member.id)).role).toBe('billing')
      for (let attempt = 0; attempt < 8; attempt++) {
        await runJobsNow(payload)
        await skipBackoff(payload)
      }
      const failed = await payload.find({ collection: 'notification-deliveries', where: { event: { equals: event!.id }, status: { equals: 'failed' } }, user: staff, overrideAccess: false, depth: 0 })
      expect(failed.docs).toHaveLength(1)
      expect(failed.docs[0]).toMatchObject({ channel: 'slack', attempts: 7 })
      // Staff see what Slack said: its status and the body it answered with (the receiver's 500 says internal_error).
      expect(failed.docs[0].lastError).toMatch(/500.*internal_error/)
      expect(slack.attempts()).toBe(7)

      slack.setFailing(false)
      await payload.update({ collection: 'notification-deliveries', id: failed.docs[0].id, data: { retry: true }, user: staff, overrideAccess: false })
      await runJobsNow(payload)
      expect(slack.accepted).toHaveLength(1)
      expect(await payload.findByID({ collection: 'notification-deliveries', id: failed.docs[0].id, depth: 0 })).toMatchObject({ status: 'sent', retry: false })
    } finally {
      await slack.stop()
      await changeRole(org.members.member.id, 'member')
    }
  })

  it('"Retry all failed" queues every failed delivery again in one action: each arrives once, and customers are refused', async () => {
    const slack = await startHttpReceiver(SLACK_WEBHOOK)
    slack.setFailing(true)
    const subjects = [org.members.member.id, org.members.viewer.id]
    // Failed Slack deliveries earlier files left would be retried to this receiver too; count them in.
    const { totalDocs: earlierFailedSlack } = await payload.count({ collection: 'notification-deliveries', where: { status: { equals: 'failed' }, channel: { equals: 'slack' } } })
    try {
      await routeSlackTo(slack.url)
      const events = [(await changeRole(subjects[0], 'billing')).event!, (await changeRole(subjects[1], 'member')).event!]
      for (let attempt = 0; attempt < 8; attempt++) {
        await runJobsNow(payload)
        await skipBackoff(payload)
      }
      const failedIds = async () =>
        (await payload.find({ collection: 'notification-deliveries', where: { status: { equals: 'failed' } }, pagination: false, depth: 0 })).docs.map((delivery) => delivery.id).sort()
      const failedSlack = (await Promise.all(events.map((event) => deliveriesOf(event.id)))).flat().filter((delivery) => delivery.status === 'failed')
      expect(failedSlack).toHaveLength(2)

      const http = await payloadHttp(payload)
      const customerToken = await http.login('users', org.members.owner.email, 'test-password-1')
      expect((await http.rest('POST', 'notification-deliveries/retry-failed', customerToken)).status).toBe(403)
      expect(await failedIds()).toEqual(expect.arrayContaining(failedSlack.map((delivery) => delivery.id)))

      slack.setFailing(false)
      const staffToken = await http.login('staff', 'staff@demo.test', 'portico-demo')
      const response = await http.rest('POST', 'notification-deliveries/retry-failed', staffToken)
      expect(response.status).toBe(200)
      const answer = (await response.json()) as { retried: number; remaining: number }
      expect(answer.retried).toBeGreaterThanOrEqual(2)
      expect(answer.remaining).toBe(0)
      expect(await failedIds()).toEqual([])
      await runJobsNow(payload)
      expect(slack.accepted).toHaveLength(2 + earlierFailedSlack)
      for (const delivery of failedSlack) expect(await payload.findByID({ collection: 'notification-deliveries', id: delivery.id, depth: 0 })).toMatchObject({ status: 'sent' })
      // Pressed again with nothing failed: nothing is queued, nothing is posted twice.
      expect(await (await http.rest('POST', 'notification-deliveries/retry-failed', staffToken)).json()).toMatchObject({ retried: 0, remaining: 0 })
      await runJobsNow(payload)
      expect(slack.accepted).toHaveLength(2 + earlierFailedSlack)
    } finally {
      await slack.stop()
      await changeRole(subjects[0], 'member')
      await changeRole(subjects[1], 'viewer')
    }
  })

  it('customers cannot see or retry deliveries', async () => {
    const owner = asCustomer(org.members.owner)
    await expect(payload.find({ collection: 'notification-deliveries', user: owner, overrideAccess: false })).rejects.toThrow()
  })
})

describe('Email: SMTP down, then up', () => {
  it('the message arrives once, with the right subject, recipient and body', async () => {
    const port = await freePort()
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
    const { event } = await changeRole(org.members.billing.id, 'member')
    await runJobsNow(payload)
    const emailDeliveries = (await deliveriesOf(event!.id)).filter((delivery) => delivery.channel === 'email')
    expect(emailDeliveries.length).toBeGreaterThan(0)
    expect(emailDeliveries.every((delivery) => delivery.status === 'retrying')).toBe(true)

    const smtp = await startSmtpReceiver({ port })
    try {
      await skipBackoff(payload)
      await runJobsNow(payload)
      await skipBackoff(payload)
      await runJobsNow(payload)
      const toBilling = smtp.received.filter((mail) => mail.to && JSON.stringify(mail.to).includes(org.members.billing.email))
      expect(toBilling).toHaveLength(1)
      const [mail] = toBilling
      expect(mail.subject).toBe(`A member’s role changed · ${org.organization.name}`)
      expect(mail.text).toContain(`By: ${org.members.owner.email}`)
      expect(mail.text).toContain('role: billing → member')
      // Now a member, they can't open the activity page: the link is their account, not a 403.
      expect(mail.text).not.toContain('/account/activity')
      expect(mail.text).toContain('Open your account: ')
      const [toAdmin] = smtp.received.filter((received) => JSON.stringify(received.to).includes(org.members.admin.email))
      expect(toAdmin?.text).toContain('/account/activity')
      // Owner is the actor (not notified); the admin and the subject each get exactly one.
      const recipients = smtp.received.map((received) => (Array.isArray(received.to) ? received.to : [received.to]).flatMap((to) => to?.value.map((address) => address.address)))
      expect(recipients.flat().sort()).toEqual([org.members.admin.email, org.members.billing.email].sort())
    } finally {
      await smtp.stop()
      await changeRole(org.members.billing.id, 'billing')
    }
  })

  it('without SMTP_URL, the message is written as an .eml file and listed on the delivery', async () => {
    const { event } = await changeRole(org.members.viewer.id, 'member')
    await runJobsNow(payload)
    const [email] = (await deliveriesOf(event!.id)).filter((delivery) => delivery.channel === 'email' && delivery.recipient === org.members.viewer.email)
    expect(email).toMatchObject({ status: 'sent' })
    expect(email.mailFile).toMatch(/\.eml$/)
    const { readFile } = await import('node:fs/promises')
    const raw = await readFile(path.join(process.env.PORTICO_MAIL_DIR!, email.mailFile!), 'utf8')
    expect(raw).toContain(`To: ${org.members.viewer.email}`)
    await changeRole(org.members.viewer.id, 'viewer')
  })
})

describe('Preferences', () => {
  beforeEach(async () => {
    await savePreferences(payload, {
      user: org.members.member,
      organizationId: org.organization.id,
      actor: { kind: 'customer', user: asCustomer(org.members.member) },
      choices: [{ eventType: 'member.role_changed', channel: 'email', enabled: false }],
    })
  })

  it('a member who turned email off for an event gets no email, still gets in-app', async () => {
    const { event } = await changeRole(org.members.member.id, 'viewer')
    await runJobsNow(payload)
    const mine = (await deliveriesOf(event!.id)).filter((delivery) => delivery.recipientUser === org.members.member.id)
    expect(mine.map((delivery) => delivery.channel)).toEqual(['in_app'])
    const inbox = await payload.find({ collection: 'notifications', where: { event: { equals: event!.id } }, user: asCustomer(org.members.member), overrideAccess: false })
    expect(inbox.docs).toHaveLength(1)
    expect(inbox.docs[0]).toMatchObject({ title: 'A member’s role changed', type: 'member.role_changed' })
    // The admin kept the default and gets both.
    const admins = (await deliveriesOf(event!.id)).filter((delivery) => delivery.recipientUser === org.members.admin.id)
    expect(admins.map((delivery) => delivery.channel).sort()).toEqual(['email', 'in_app'])
    await changeRole(org.members.member.id, 'member')
  })

  it('saving preferences is audited as the member', async () => {
    const rows = await payload.find({ collection: 'portal-audit', where: { action: { equals: 'notification_preferences.updated' }, actorUser: { equals: org.members.member.id } }, depth: 0 })
    expect(rows.totalDocs).toBe(1)
  })
})
