import { createHash, hash, timingSafeEqual } from 'node:crypto'

const BLOCK = 64
const DIGEST = 32

type Pads = { source: string; inner: Buffer; outer: Buffer }
let cachedPads: Pads | null = null

/**
 * HMAC's inner and outer key pads (RFC 2104) for the server-side pepper: API_KEY_PEPPER, or one
 * derived from PAYLOAD_SECRET, so a stolen database alone can't test guesses against the hashes.
 * Computed once per pepper; changing the pepper invalidates every key.
 */
function pads(): Pads {
  const dedicated = process.env.API_KEY_PEPPER
  const base = dedicated || process.env.PAYLOAD_SECRET
  if (!base) throw new Error('API_KEY_PEPPER or PAYLOAD_SECRET must be set to hash API keys.')
  const source = `${dedicated ? 'pepper' : 'secret'}:${base}`
  if (cachedPads?.source === source) return cachedPads
  let key = dedicated ? Buffer.from(dedicated) : createHash('sha256').update(`portico-api-key-pepper:${base}`).digest()
  if (key.length > BLOCK) key = createHash('sha256').update(key).digest()
  const inner = Buffer.alloc(BLOCK, 0x36)
  const outer = Buffer.alloc(BLOCK, 0x5c)
  for (let index = 0; index < key.length; index++) {
    inner[index]! ^= key[index]!
    outer[index]! ^= key[index]!
  }
  cachedPads = { source, inner, outer }
  return cachedPads
}

/** The inner and outer hash inputs, reused: pad + message written in place instead of concatenated per call. */
let scratch: { pads: Pads; inner: Buffer; outer: Buffer } | null = null

/**
 * HMAC-SHA-256 of the secret. Keys carry 190 random bits, so a slow password hash would buy
 * nothing and cost every verification. Written out with one-shot `crypto.hash` because building an
 * Hmac object per call costs more than the two hashes; and the pads are written once into reused
 * buffers (each call only writes the secret and the inner digest after them), because per-call
 * allocations were the rest of the cost. Synchronous, so no other call can touch the buffers
 * mid-way. The unit test holds it equal to `createHmac`.
 */
export function hashApiKeySecretBytes(secret: string): Buffer {
  const current = pads()
  const length = Buffer.byteLength(secret)
  if (scratch?.pads !== current || scratch.inner.length !== BLOCK + length) {
    const inner = Buffer.alloc(BLOCK + length)
    const outer = Buffer.alloc(BLOCK + DIGEST)
    current.inner.copy(inner)
    current.outer.copy(outer)
    scratch = { pads: current, inner, outer }
  }
  scratch.inner.write(secret, BLOCK, 'utf8')
  ;(hash('sha256', scratch.inner, 'buffer') as unknown as Buffer).copy(scratch.outer, BLOCK)
  return hash('sha256', scratch.outer, 'buffer') as unknown as Buffer
}

/** The stored form: hex. */
export const hashApiKeySecret = (secret: string): string => hashApiKeySecretBytes(secret).toString('hex')

/** Equal digests, compared in constant time. */
export const sameDigest = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b)

/**
 * A plain SHA-256 of the secret, as hex: the verifier's in-memory cache key, never stored. One
 * hash with a string result, because a Buffer result costs more than the hash itself here.
 */
export const fingerprintApiKeySecret = (secret: string): string => hash('sha256', secret, 'hex') as string
