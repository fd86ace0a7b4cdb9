/**
 * The in-process half of the api-keys bench, in its own process so it gets its own Payload on the
 * bench's database (and its own core): `verifyApiKey` with a warm cache, one verification after
 * another on one thread, beside floors measured here in the same run. Reads the secret from
 * API_KEY_BENCH_SECRET; prints one JSON line of rates (per second).
 */
import { createHmac } from 'node:crypto'

const { default: config } = await import('../../payload.config')
const { getPayload } = await import('payload')
const payload = await getPayload({ config })
const { createApiKeyVerifier } = await import('../../src/api-keys/api-key-verifier')
const { parseApiKeySecret } = await import('../../src/api-keys/api-key-format')
const { fingerprintApiKeySecret, hashApiKeySecretBytes } = await import('../../src/api-keys/hash-api-key-secret')

const SECONDS = Number(process.env.API_KEY_BENCH_SECONDS) || 3
const secret = process.env.API_KEY_BENCH_SECRET
if (!secret) throw new Error('API_KEY_BENCH_SECRET is not set.')

/** Calls `work` in batches until SECONDS have passed (after a 0.5 s warm-up); returns calls per second. */
async function rate(work: () => unknown | Promise<unknown>): Promise<number> {
  const run = async (ms: number) => {
    let calls = 0
    const started = performance.now()
    while (performance.now() - started < ms) {
      for (let index = 0; index < 1_000; index++) await work()
      calls += 1_000
    }
    return calls / ((performance.now() - started) / 1000)
  }
  await run(500)
  return run(SECONDS * 1000)
}

const verifier = createApiKeyVerifier(payload)
const first = await verifier.verify(secret, ['usage:read'])
if (!first.valid) throw new Error(`The bench key doesn't verify: ${first.reason}.`)
if (!verifier.listening()) throw new Error('The verifier is not listening, so its cache is off.')

const pepper = 'a-bench-pepper-of-32-bytes-length'
const result = {
  hmac: await rate(() => createHmac('sha256', pepper).update(secret).digest()),
  parse: await rate(() => parseApiKeySecret(secret)),
  fingerprint: await rate(() => fingerprintApiKeySecret(secret)),
  parseAndHash: await rate(() => parseApiKeySecret(secret) && hashApiKeySecretBytes(secret)),
  verify: await rate(() => verifier.verify(secret, ['usage:read'])),
  seconds: SECONDS,
}
process.stdout.write(`${JSON.stringify(result)}\n`)
await verifier.close()
await payload.destroy()
process.exit(0)
