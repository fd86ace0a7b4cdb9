import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { requestEmailChange } from '../../src/account/email-change/request-email-change'
import { POST as invitePOST } from '../../src/app/(portal)/api/team/invitations/route'
import { createAccountUser, enrolTwoFactor, selfActor, TEST_PASSWORD } from '../helpers/account'
import { routeCaller } from '../helpers/call-route'
import { captureLog as captureLogOf } from '../helpers/capture-log'
import { runJobsNow, skipBackoff } from '../helpers/jobs'
import { readMailbox } from '../helpers/mailbox'
import { createOrganizationWithEveryRole, testPayload } from '../helpers/payload'
import { payloadHttp } from '../helpers/payload-http'

let payload: Payload
let http: Awaited<ReturnType<typeof payloadHttp>>

beforeAll(async () => {
  payload = await testPayload()
  http = await payloadHttp(payload)
  // A write PostgreSQL refuses whatever the portal validates: the failure the log line is about.
  await payload.db.pool.query(`ALTER TABLE users ADD CONSTRAINT test_refuse_name CHECK (name <> 'refuse me') NOT VALID`)
})
afterAll(async () => {
  await payload.db.pool.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS test_refuse_name`)
})

/** Payload's configured logger, writing into a string, while `work` runs. */
const captureLog = (work: () => Promise<unknown>) => captureLogOf(payload, work)

describe('secrets never reach the server log', () => {
  it('a users write that fails logs the failed query without its values: no hash, no salt, no reset token', async () => {
    const { members } = await createOrganizationWithEveryRole(payload, 'log')
    const user = members.member
    await payload.db.pool.query(`UPDATE users SET reset_password_token = 'reset-token-that-must-not-leak', reset_password_expiration = now() + interval '1 hour' WHERE id = $1`, [user.id])
    const { rows } = await payload.db.pool.query<{ hash: string; salt: string }>('SELECT hash, salt FROM users WHERE id = $1', [user.id])
    const token = await http.login('users', user.email, 'test-password-1')

    const log = await captureLog(async () => {
      const response = await http.rest('PATCH', `users/${user.id}`, token, { name: 'refuse me' })
      expect(response.status).toBeGreaterThanOrEqual(400)
    })

    // The failure was logged (so the checks below look at a real line), and it names the SQL.
    expect(log).toMatch(/Failed query: (insert into|update) \\?"users/i)
    expect(log).toContain('[redacted]')
    for (const secret of [rows[0].hash, rows[0].salt, 'reset-token-that-must-not-leak']) expect(log).not.toContain(secret)
  })
})

describe('secrets the portal mints never reach the server log', () => {
  it('invitation and email-change links, a TOTP key and recovery codes, passwords: none is in anything logged while they were made and sent', async () => {
    process.env.PORTICO_MAIL_DIR = await mkdtemp(path.join(tmpdir(), 'portico-log-mail-'))
    const org = await createOrganizationWithEveryRole(payload, 'log-secrets')
    const user = await createAccountUser(payload, 'log-secrets')
    const invitee = `log-invitee-${org.organization.id}@log.test`
    let twoFactor: { key: string; recoveryCodes: string[] } | undefined
    const log = await captureLog(async () => {
      expect((await routeCaller(payload)(invitePOST, org.members.admin, '/api/team/invitations', { method: 'POST', body: { emails: [invitee], role: 'member' } })).status).toBe(200)
      await requestEmailChange(payload, { user, newEmail: `log-moved-${user.id}@log.test`, password: TEST_PASSWORD, actor: selfActor(user) })
      // A wrong password too: a refusal is the likeliest place for input to be echoed.
      await requestEmailChange(payload, { user, newEmail: `log-other-${user.id}@log.test`, password: 'wrong-password-that-must-not-leak', actor: selfActor(user) }).catch(() => null)
      twoFactor = await enrolTwoFactor(payload, user)
      // SMTP down first, so the failure paths log too; then up, so the links are really sent.
      process.env.SMTP_URL = 'smtp://127.0.0.1:9'
      try {
        await runJobsNow(payload)
      } finally {
        delete process.env.SMTP_URL
      }
      await skipBackoff(payload)
      await runJobsNow(payload)
    })
    const mails = await readMailbox(process.env.PORTICO_MAIL_DIR)
    const links = mails.flatMap((mail) => [...(mail.text ?? '').matchAll(/(?:\/invite\/|token=)([A-Za-z0-9_-]{43})/g)].map((match) => match[1]!))
    // Both links were really sent (so the check below looks at real secrets).
    expect(links.length).toBeGreaterThanOrEqual(2)
    expect(log).toMatch(/delivery failed; will retry/)
    for (const secret of [...links, twoFactor!.key, ...twoFactor!.recoveryCodes, TEST_PASSWORD, 'test-password-1', 'wrong-password-that-must-not-leak']) {
      expect(log, 'a secret in the log').not.toContain(secret)
    }
  })
})
