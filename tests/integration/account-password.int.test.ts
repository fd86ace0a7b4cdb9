import { createHash } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { changePassword } from '../../src/account/password/change-password'
import { passwordProblem } from '../../src/account/password/password-problem'
import { issuePasswordResetToken } from '../../src/account/password/issue-reset-token'
import { resetPassword } from '../../src/account/password/reset-password'
import { verifyPassword } from '../../src/account/password/verify-password'
import { POST as forgotPasswordRoute } from '../../src/app/(portal)/api/portal/forgot-password/route'
import { payloadSessionAdapter } from '../../src/auth/adapters/payload-adapter'
import { resolvePortalSession } from '../../src/auth/portal-session'
import type { PortalError } from '../../src/lib/api/portal-error'
import { runDueJobs } from '../../src/jobs/run-due-jobs'
import { cookieHeaders, createAccountUser, selfActor, TEST_PASSWORD } from '../helpers/account'
import { readMailbox } from '../helpers/mailbox'
import { testPayload } from '../helpers/payload'

let payload: Payload
let mailDir: string

beforeAll(async () => {
  payload = await testPayload()
  mailDir = await mkdtemp(path.join(tmpdir(), 'portico-password-mail-'))
  process.env.PORTICO_MAIL_DIR = mailDir
})

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as PortalError)

const forgot = async (email: string) => {
  const started = performance.now()
  const response = await forgotPasswordRoute(new Request('http://portal.test/api/portal/forgot-password', { method: 'POST', body: new URLSearchParams({ email }) }))
  return { status: response.status, location: response.headers.get('location'), body: await response.text(), ms: performance.now() - started }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function drainJobs() {
  while ((await runDueJobs(payload, { limit: 20 })) > 0);
}

describe('password', () => {
  it('strength: length, not the email, not a common password', () => {
    expect(passwordProblem('short', 'a@b.test')).toBe('password.error.tooShort')
    expect(passwordProblem('jane.doe-2026!', 'jane.doe@b.test')).toBe('password.error.containsEmail')
    expect(passwordProblem('Password123', 'a@b.test')).toBe('password.error.common')
    expect(passwordProblem('correct horse battery', 'a@b.test')).toBeNull()
  })

  it('a change needs the current password and a strong new one', async () => {
    const user = await createAccountUser(payload, 'change')
    const actor = selfActor(user)
    expect((await rejection(changePassword(payload, { user, currentPassword: 'wrong', newPassword: 'correct horse battery', actor })))?.fields).toHaveProperty('currentPassword')
    expect((await rejection(changePassword(payload, { user, currentPassword: TEST_PASSWORD, newPassword: 'short', actor })))?.fields).toEqual({ newPassword: 'Use at least 10 characters.' })
    expect(await verifyPassword(payload, user.email, TEST_PASSWORD)).toBe(true)
    await changePassword(payload, { user, currentPassword: TEST_PASSWORD, newPassword: 'correct horse battery', actor })
    expect(await verifyPassword(payload, user.email, 'correct horse battery')).toBe(true)
    expect(await verifyPassword(payload, user.email, TEST_PASSWORD)).toBe(false)
  })

  it('forgot-password answers the same for known and unknown addresses, in status, body and time', async () => {
    // Each address gets a few tries an hour (rate-limits.int.test.ts): one round uses a fresh pair.
    const rounds = 20
    const knownUsers = await Promise.all(Array.from({ length: rounds + 1 }, (_, index) => createAccountUser(payload, `enumeration-${index}`)))
    const known = knownUsers[0]!
    const unknownOf = (index: number) => `nobody-${knownUsers[index]!.id}@account.test`
    await forgot(known.email) // warm-up: first calls compile and connect
    await forgot(unknownOf(0))
    const knownRuns: Awaited<ReturnType<typeof forgot>>[] = []
    const unknownRuns: Awaited<ReturnType<typeof forgot>>[] = []
    for (let round = 1; round <= rounds; round++) {
      knownRuns.push(await forgot(knownUsers[round]!.email))
      unknownRuns.push(await forgot(unknownOf(round)))
    }
    const unknown = unknownOf(1)
    const shape = ({ status, location, body }: (typeof knownRuns)[number]) => ({ status, location, body })
    expect(new Set([...knownRuns, ...unknownRuns].map((run) => JSON.stringify(shape(run)))).size).toBe(1)
    expect(shape(knownRuns[0])).toEqual({ status: 303, location: 'http://portal.test/forgot-password?sent=1', body: '' })
    // Both do the same work (one job insert), so the medians differ by noise only: measured 9–11 ms
    // apiece, ~2 ms apart, on the 2-core box. Looking the account up and mailing inline would add tens of ms.
    const [knownMedian, unknownMedian] = [median(knownRuns.map((run) => run.ms)), median(unknownRuns.map((run) => run.ms))]
    expect(Math.abs(knownMedian - unknownMedian)).toBeLessThan(Math.max(10, 0.5 * Math.min(knownMedian, unknownMedian)))

    await drainJobs()
    const mail = (await readMailbox(mailDir)).filter((message) => [message.to].flat().some((to) => to?.text.includes(known.email)))
    expect(mail.length).toBeGreaterThanOrEqual(1)
    expect(mail[0].subject).toBe('Reset your Portico password')
    expect(mail[0].text).toMatch(/\/reset-password\?token=[\w-]{43}\b/)
    expect((await readMailbox(mailDir)).some((message) => [message.to].flat().some((to) => to?.text.includes(unknown)))).toBe(false)
  })

  it('the reset email speaks the account’s profile language', async () => {
    const user = await createAccountUser(payload, 'reset-german')
    await payload.update({ collection: 'users', id: user.id, data: { locale: 'de-DE' }, depth: 0 })
    await forgot(user.email)
    await drainJobs()
    const [mail] = (await readMailbox(mailDir)).filter((message) => [message.to].flat().some((to) => to?.text.includes(user.email)))
    expect(mail?.subject).toBe('Setzen Sie Ihr Portico-Passwort zurück')
    expect(mail?.text).toMatch(/Neues Passwort wählen: \S+\/reset-password\?token=[\w-]{43}\b/)
    expect(mail?.text).not.toContain('Choose a new password')
  })

  it('Payload’s own forgot-password (REST/GraphQL) is closed: only the portal’s constant-time form reaches it', async () => {
    const user = await createAccountUser(payload, 'rest-forgot')
    await expect(payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true })).rejects.toThrow()
  })

  it('stores only a hash of the reset token, and Payload’s own reset-password takes neither the token nor the hash', async () => {
    const user = await createAccountUser(payload, 'reset-hash')
    const resetToken = (await issuePasswordResetToken(payload, user.email))?.token
    expect(resetToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const { rows } = await payload.db.pool.query<{ reset_password_token: string }>('SELECT reset_password_token FROM users WHERE id = $1', [user.id])
    expect(rows[0].reset_password_token).toBe(createHash('sha256').update(resetToken!).digest('hex'))
    // A second request within the throttle issues nothing and keeps the first link working.
    expect(await issuePasswordResetToken(payload, user.email)).toBeNull()
    for (const token of [resetToken!, rows[0].reset_password_token]) {
      await expect(payload.resetPassword({ collection: 'users', data: { token, password: 'a fine new passphrase' }, overrideAccess: true })).rejects.toThrow()
    }
    expect(await verifyPassword(payload, user.email, TEST_PASSWORD)).toBe(true)
  })

  it('a reset sets the new password and ends every session', async () => {
    const user = await createAccountUser(payload, 'reset')
    const { token: sessionToken } = await payload.login({ collection: 'users', data: { email: user.email, password: TEST_PASSWORD } })
    expect(await resolvePortalSession(payload, cookieHeaders(payload, sessionToken!), payloadSessionAdapter)).not.toBeNull()
    const resetToken = (await issuePasswordResetToken(payload, user.email))!.token
    const actor = { ip: null, userAgent: null, requestId: null }
    expect((await rejection(resetPassword(payload, { token: resetToken, password: 'short', actor })))?.fields).toHaveProperty('password')
    expect((await rejection(resetPassword(payload, { token: 'not-a-token', password: 'a fine new passphrase', actor })))?.fields).toHaveProperty('token')

    await resetPassword(payload, { token: resetToken, password: 'a fine new passphrase', actor })
    expect(await resolvePortalSession(payload, cookieHeaders(payload, sessionToken!), payloadSessionAdapter)).toBeNull()
    expect(await verifyPassword(payload, user.email, TEST_PASSWORD)).toBe(false)
    expect(await verifyPassword(payload, user.email, 'a fine new passphrase')).toBe(true)
    const { totalDocs } = await payload.count({ collection: 'user-sessions', where: { user: { equals: user.id } }, overrideAccess: true })
    expect(totalDocs).toBe(0)
    // The link was used up.
    expect((await rejection(resetPassword(payload, { token: resetToken, password: 'another fine passphrase', actor })))?.fields).toHaveProperty('token')
  })
})
