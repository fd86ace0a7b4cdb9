import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { confirmEmailChange } from '../../src/account/email-change/confirm-email-change'
import { requestEmailChange } from '../../src/account/email-change/request-email-change'
import { verifyPassword } from '../../src/account/password/verify-password'
import type { PortalError } from '../../src/lib/api/portal-error'
import { createAccountUser, selfActor, TEST_PASSWORD } from '../helpers/account'
import { runJobsNow } from '../helpers/jobs'
import { readMailbox } from '../helpers/mailbox'
import { testPayload } from '../helpers/payload'

let payload: Payload
let mailDir: string

beforeAll(async () => {
  payload = await testPayload()
  mailDir = await mkdtemp(path.join(tmpdir(), 'portico-account-mail-'))
  process.env.PORTICO_MAIL_DIR = mailDir
})

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as PortalError)
const emailOf = async (id: number) => (await payload.findByID({ collection: 'users', id })).email
/** What `address` received, once the queued emails have gone out. */
const mailTo = async (address: string) => (await runJobsNow(payload), await readMailbox(mailDir)).filter((mail) => [mail.to].flat().some((to) => to?.text.includes(address)))
const linkToken = (text: string) => text.match(/confirm-email\?token=([\w-]+)/)?.[1] ?? ''

describe('email change', () => {
  it('asks for the current password and refuses an address another account uses', async () => {
    const user = await createAccountUser(payload, 'email-refusals')
    const other = await createAccountUser(payload, 'email-taken')
    const wrong = await rejection(requestEmailChange(payload, { user, newEmail: 'new@account.test', password: 'not-it', actor: selfActor(user) }))
    expect(wrong?.fields).toHaveProperty('password')
    const taken = await rejection(requestEmailChange(payload, { user, newEmail: other.email, password: TEST_PASSWORD, actor: selfActor(user) }))
    expect(taken?.code).toBe('conflict')
    expect(await emailOf(user.id)).toBe(user.email)
  })

  it('changes nothing until the link to the new address is opened; tells the old address; the link works once', async () => {
    const user = await createAccountUser(payload, 'email-change')
    const newEmail = `moved-${user.id}@account.test`
    await requestEmailChange(payload, { user, newEmail, password: TEST_PASSWORD, actor: selfActor(user) })

    expect(await emailOf(user.id)).toBe(user.email)
    expect(await verifyPassword(payload, user.email, TEST_PASSWORD)).toBe(true)
    const [notice] = await mailTo(user.email)
    expect(notice.subject).toMatch(/about to change/)
    expect(notice.text).toContain(newEmail)
    expect(notice.text).not.toMatch(/token=/)
    const [confirmation] = await mailTo(newEmail)
    const token = linkToken(confirmation.text ?? '')
    expect(token).not.toBe('')
    // Only a hash of the token is stored.
    const { rows } = await payload.db.pool.query(`SELECT pending_email_token FROM users WHERE id = $1`, [user.id])
    expect(rows[0].pending_email_token).not.toContain(token)

    await confirmEmailChange(payload, { token, actor: { ip: null, userAgent: null, requestId: null } })
    expect(await emailOf(user.id)).toBe(newEmail)
    expect(await verifyPassword(payload, newEmail, TEST_PASSWORD)).toBe(true)
    expect((await rejection(confirmEmailChange(payload, { token, actor: {} })))?.code).toBe('not_found')

    const { docs: events } = await payload.find({ collection: 'portal-events', where: { type: { equals: 'account.email_changed' }, 'data.subjectUserId': { equals: user.id } }, overrideAccess: true })
    expect(events).toHaveLength(1)
    const { docs: audits } = await payload.find({ collection: 'portal-audit', where: { action: { equals: 'account.email_changed' }, entityId: { equals: String(user.id) } }, overrideAccess: true })
    expect(audits[0]).toMatchObject({ before: { email: user.email }, after: { email: newEmail } })
  })

  it('both emails speak the account’s profile language', async () => {
    const user = { ...(await createAccountUser(payload, 'email-german')), locale: 'de-DE' as const }
    await payload.update({ collection: 'users', id: user.id, data: { locale: 'de-DE' }, depth: 0 })
    const newEmail = `umgezogen-${user.id}@account.test`
    await requestEmailChange(payload, { user, newEmail, password: TEST_PASSWORD, actor: selfActor(user) })
    const [notice] = await mailTo(user.email)
    expect(notice?.subject).toBe('Ihre Anmelde-E-Mail für Portico wird gleich geändert')
    const [confirmation] = await mailTo(newEmail)
    expect(confirmation?.subject).toBe('Bestätigen Sie Ihre neue Anmelde-E-Mail für Portico')
    expect(linkToken(confirmation?.text ?? '')).not.toBe('')
  })

  it('refuses an expired link and leaves the email as it was', async () => {
    const user = await createAccountUser(payload, 'email-expired')
    const newEmail = `late-${user.id}@account.test`
    await requestEmailChange(payload, { user, newEmail, password: TEST_PASSWORD, actor: selfActor(user) })
    const token = linkToken((await mailTo(newEmail))[0].text ?? '')
    await payload.db.pool.query(`UPDATE users SET pending_email_expires_at = now() - interval '1 minute' WHERE id = $1`, [user.id])
    const expired = await rejection(confirmEmailChange(payload, { token, actor: {} }))
    expect(expired?.code).toBe('invalid_request')
    expect(expired?.message).toMatch(/expired/)
    expect(await emailOf(user.id)).toBe(user.email)
  })
})
