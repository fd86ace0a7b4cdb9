import { createInterface } from 'node:readline'

/**
 * A server process that verifies keys through the shared `verifyApiKey` (as the portal's routes
 * do) and is then stopped with SIGTERM, for tests/integration/api-keys-shutdown.int.test.ts.
 * Reads one secret from stdin, verifies it from 198.51.100.1 and prints `{ "verified": bool }`.
 * `--as next` mimics `next start`: its own SIGTERM handler drains (one more verification, from
 * 198.51.100.2, as a request finishing) and then calls `process.exit(143)` without waiting for
 * anything; without it nothing else handles the signal.
 */
// The config first, then domain code (see api-key-verifier-process.ts).
const { default: config } = await import('../../payload.config')
const { getPayload } = await import('payload')
await getPayload({ config })
const { verifyApiKey } = await import('../../src/api-keys/verify-api-key')
const asNext = process.argv.includes('next')

createInterface({ input: process.stdin }).once('line', (line) => {
  const secret = line.trim()
  void verifyApiKey(secret, [], { ip: '198.51.100.1' }).then((answer) => {
    if (asNext) {
      process.on('SIGTERM', () => {
        setTimeout(() => void verifyApiKey(secret, [], { ip: '198.51.100.2' }).then(() => process.exit(143)), 20)
      })
    }
    process.stdout.write(`${JSON.stringify({ verified: answer.valid })}\n`)
  })
})
process.stdout.write(`${JSON.stringify({ ready: true })}\n`)
