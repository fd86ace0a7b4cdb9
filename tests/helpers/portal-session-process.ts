import { createInterface } from 'node:readline'

import { getPayload } from 'payload'

/**
 * A second server instance for the session tests: its own process, Payload, pool and flags cache on
 * the same database. Each stdin line is a JSON request `{ "id": n, "token": "…" }`; it resolves that
 * portal session once, as a request to this instance would, and answers one JSON line
 * `{ "id": n, "signedIn": bool, "role": …, "teamEnabled": bool }`. Started by
 * tests/integration/portal-session-two-processes.int.test.ts with `node --import tsx`.
 */
// The config first, then domain code (see api-key-verifier-process.ts).
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const { resolvePortalSession } = await import('../../src/auth/portal-session')
const { payloadSessionAdapter } = await import('../../src/auth/adapters/payload-adapter')
const { isScreenEnabled } = await import('../../src/flags/is-screen-enabled')

createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, token } = JSON.parse(line) as { id: number; token: string }
  void resolvePortalSession(payload, new Headers({ Authorization: `JWT ${token}` }), payloadSessionAdapter).then(
    (session) => {
      const organization = session?.organization
      const answer = { id, signedIn: Boolean(session), role: organization?.role ?? null, teamEnabled: organization ? isScreenEnabled(session.flags, 'team', organization.id) : null }
      process.stdout.write(`${JSON.stringify(answer)}\n`)
    },
    (error: Error) => process.stdout.write(`${JSON.stringify({ id, error: error.message })}\n`),
  )
})
process.stdout.write(`${JSON.stringify({ ready: true })}\n`)

process.once('SIGTERM', () => void payload.destroy().finally(() => process.exit(0)))
