import { Writable } from 'node:stream'

import type { Payload } from 'payload'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

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

/** Runs `work` with Payload's logger built from payload.config's own logger options, writing into a string. */
async function captureLog(work: () => Promise<unknown>): Promise<string> {
  let captured = ''
  const sink = new Writable({ write: (chunk, _encoding, done) => ((captured += String(chunk)), done()) })
  const configured = payload.config.logger as { options: object }
  const original = payload.logger
  payload.logger = pino({ ...configured.options, level: 'debug' }, sink) as unknown as Payload['logger']
  try {
    await work()
  } finally {
    payload.logger = original
  }
  return captured
}

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
