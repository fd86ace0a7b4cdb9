import { createInterface } from 'node:readline'

import { getPayload } from 'payload'


/**
 * A second server instance for the revocation test: its own process, Payload, pool, cache and
 * LISTEN connection on the same database. Reads secrets to watch from stdin, one per line, and
 * verifies each every 2 ms, printing a JSON line whenever a key's answer changes:
 * `{ "line": n, "at": ms, "valid": bool, "reason"?, "listening": bool }`. Started by
 * tests/integration/api-keys-two-processes.int.test.ts with `node --import tsx`.
 */
// The config first, then the verifier: importing domain code before the config has been seen to
// leave a top-level await unsettled (exit 13) at startup.
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const { createApiKeyVerifier } = await import('../../src/api-keys/api-key-verifier')
const verifier = createApiKeyVerifier(payload)
const watched: Array<{ line: number; secret: string; last: string | null }> = []

createInterface({ input: process.stdin }).on('line', (secret) => watched.push({ line: watched.length, secret: secret.trim(), last: null }))
process.stdout.write(`${JSON.stringify({ ready: true })}\n`)

const tick = async () => {
  for (const entry of watched) {
    const answer = await verifier.verify(entry.secret)
    const state = answer.valid ? 'valid' : answer.reason
    if (state !== entry.last) {
      entry.last = state
      process.stdout.write(`${JSON.stringify({ line: entry.line, at: Date.now(), valid: answer.valid, reason: answer.valid ? undefined : answer.reason, listening: verifier.listening() })}\n`)
    }
  }
  setTimeout(() => void tick(), 2)
}
void tick()

process.once('SIGTERM', () => void verifier.close().then(() => payload.destroy()).finally(() => process.exit(0)))
