import { createHmac } from 'node:crypto'
import { crc32 } from 'node:zlib'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { resolveApiKeyExpiry, rotatedApiKeyExpiry } from '../../../src/api-keys/api-key-expiry'
import { API_KEY_LENGTH, generateApiKeySecret, parseApiKeySecret } from '../../../src/api-keys/api-key-format'
import { apiKeyStatus } from '../../../src/api-keys/api-key-status'
import { hashApiKeySecret, hashApiKeySecretBytes, sameDigest } from '../../../src/api-keys/hash-api-key-secret'
import { API_KEY_SCOPE_IDS, API_KEY_SCOPE_PRESETS } from '../../../src/api-keys/scope-catalog'
import { en } from '../../../src/i18n/en'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

describe('API key format', () => {
  it('is pk_live_/pk_test_, 32 base62 characters (190 bits) and a 6-character CRC32 of the rest', () => {
    const { secret, environment, displayPrefix } = generateApiKeySecret('live')
    expect(secret).toMatch(/^pk_live_[0-9A-Za-z]{38}$/)
    expect(secret).toHaveLength(API_KEY_LENGTH)
    expect(environment).toBe('live')
    expect(displayPrefix).toBe(secret.slice(0, 14))
    // The suffix is the CRC32 of prefix + body, in base62, computed independently here.
    let value = crc32(secret.slice(0, 40))
    let checksum = ''
    for (let index = 0; index < 6; index++) {
      checksum = BASE62[value % 62] + checksum
      value = Math.floor(value / 62)
    }
    expect(secret.slice(40)).toBe(checksum)
    expect(generateApiKeySecret('test').secret.startsWith('pk_test_')).toBe(true)
  })

  it('every generated key parses back to its environment; 2,000 keys are all distinct', () => {
    const seen = new Set<string>()
    for (let index = 0; index < 2_000; index++) {
      const environment = index % 2 ? 'live' : 'test'
      const { secret } = generateApiKeySecret(environment)
      expect(parseApiKeySecret(secret)).toEqual({ environment, displayPrefix: secret.slice(0, 14) })
      seen.add(secret)
    }
    expect(seen.size).toBe(2_000)
  })

  it('the random part uses the whole alphabet roughly evenly (no modulo bias toward the first characters)', () => {
    const counts = new Map<string, number>()
    for (let index = 0; index < 3_000; index++) for (const char of generateApiKeySecret('live').secret.slice(8, 40)) counts.set(char, (counts.get(char) ?? 0) + 1)
    expect(counts.size).toBe(62)
    const expected = (3_000 * 32) / 62
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.15)
  })

  it('any single-character typo is caught by the checksum', () => {
    const { secret } = generateApiKeySecret('live')
    fc.assert(
      fc.property(fc.integer({ min: 8, max: API_KEY_LENGTH - 1 }), fc.constantFrom(...BASE62), (position, char) => {
        fc.pre(secret[position] !== char)
        expect(parseApiKeySecret(secret.slice(0, position) + char + secret.slice(position + 1))).toBeNull()
      }),
      { numRuns: 500 },
    )
  })

  it.each([
    ['a wrong prefix', (secret: string) => secret.replace('pk_live_', 'sk_live_')],
    ['an unknown environment', (secret: string) => secret.replace('pk_live_', 'pk_prod_')],
    ['one character short', (secret: string) => secret.slice(0, -1)],
    ['one character long', (secret: string) => `${secret}0`],
    ['a character outside base62', (secret: string) => `${secret.slice(0, 20)}-${secret.slice(21)}`],
    ['surrounding whitespace', (secret: string) => ` ${secret.slice(1)}`],
    ['swapped checksum', (secret: string) => secret.slice(0, 40) + [...secret.slice(40)].reverse().join('')],
  ])('refuses %s', (_label, mangle) => {
    const { secret } = generateApiKeySecret('live')
    const mangled = mangle(secret)
    fc.pre(mangled !== secret)
    expect(parseApiKeySecret(mangled)).toBeNull()
  })

  it('refuses what isn’t a string', () => {
    for (const value of [undefined, null, 42, {}, ['pk_live_x']]) expect(parseApiKeySecret(value)).toBeNull()
  })
})

describe('API key hashing', () => {
  const withEnv = (env: { pepper?: string; payload?: string }, work: () => void) => {
    const saved = { pepper: process.env.API_KEY_PEPPER, payload: process.env.PAYLOAD_SECRET }
    const set = (name: 'API_KEY_PEPPER' | 'PAYLOAD_SECRET', value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value))
    try {
      set('API_KEY_PEPPER', env.pepper)
      set('PAYLOAD_SECRET', env.payload)
      work()
    } finally {
      set('API_KEY_PEPPER', saved.pepper)
      set('PAYLOAD_SECRET', saved.payload)
    }
  }

  it('is exactly HMAC-SHA-256 (as node:crypto computes it) keyed by the pepper, short or long', () => {
    const { secret } = generateApiKeySecret('test')
    for (const pepper of ['short', 'p'.repeat(64), 'long'.repeat(40)]) {
      withEnv({ pepper, payload: 'ignored' }, () => expect(hashApiKeySecret(secret)).toBe(createHmac('sha256', pepper).update(secret).digest('hex')))
    }
  })

  it('stays exact across inputs of other lengths and characters, in any order (its buffers are reused)', () => {
    const inputs = [generateApiKeySecret('live').secret, 'short', generateApiKeySecret('test').secret, 'ünïcode ✓ key', '', 'x'.repeat(300), generateApiKeySecret('live').secret]
    withEnv({ pepper: 'reuse pepper', payload: 'ignored' }, () => {
      const digests = inputs.map((input) => hashApiKeySecretBytes(input))
      inputs.forEach((input, index) => expect(digests[index]!.toString('hex'), input).toBe(createHmac('sha256', 'reuse pepper').update(input).digest('hex')))
    })
  })

  it('another pepper, another hash; without API_KEY_PEPPER it follows PAYLOAD_SECRET', () => {
    const { secret } = generateApiKeySecret('test')
    const hashes = new Set<string>()
    withEnv({ payload: 'one' }, () => {
      const first = hashApiKeySecret(secret)
      expect(first).toMatch(/^[0-9a-f]{64}$/)
      expect(hashApiKeySecret(secret)).toBe(first)
      hashes.add(first)
    })
    withEnv({ payload: 'two' }, () => hashes.add(hashApiKeySecret(secret)))
    withEnv({ pepper: 'a dedicated pepper', payload: 'two' }, () => hashes.add(hashApiKeySecret(secret)))
    expect(hashes.size).toBe(3)
  })

  it('compares digests exactly', () => {
    const digest = Buffer.alloc(32, 0xab)
    expect(sameDigest(digest, Buffer.alloc(32, 0xab))).toBe(true)
    expect(sameDigest(digest, Buffer.concat([Buffer.alloc(31, 0xab), Buffer.from([0xac])]))).toBe(false)
    expect(sameDigest(digest, Buffer.alloc(1, 0xab))).toBe(false)
  })
})

describe('scopes, status and expiry', () => {
  it('presets only name scopes from the catalog; full access is all of them', () => {
    for (const preset of Object.values(API_KEY_SCOPE_PRESETS)) for (const scope of preset.scopes) expect(API_KEY_SCOPE_IDS).toContain(scope)
    expect([...API_KEY_SCOPE_PRESETS['full-access'].scopes].sort()).toEqual([...API_KEY_SCOPE_IDS].sort())
    expect(API_KEY_SCOPE_PRESETS['read-only'].scopes.every((scope) => scope.endsWith(':read'))).toBe(true)
  })

  it('every scope and preset has a name in the message catalog (the German one is held to the English keys)', () => {
    const keys = [...API_KEY_SCOPE_IDS.map((scope) => `api-keys.scope.${scope}`), ...Object.keys(API_KEY_SCOPE_PRESETS).map((id) => `api-keys.preset.${id}`)]
    expect(keys.filter((key) => !(key in en))).toEqual([])
  })

  const now = new Date('2026-06-01T12:00:00Z')
  it('status: revoked beats expired; expired from the instant expiresAt is reached', () => {
    expect(apiKeyStatus({}, now)).toBe('active')
    expect(apiKeyStatus({ expiresAt: '2026-06-01T12:00:00.001Z' }, now)).toBe('active')
    expect(apiKeyStatus({ expiresAt: '2026-06-01T12:00:00.000Z' }, now)).toBe('expired')
    expect(apiKeyStatus({ expiresAt: '2026-05-01T00:00:00Z', revokedAt: '2026-04-01T00:00:00Z' }, now)).toBe('revoked')
  })

  it('expiry: never unless the organization caps it; past dates and dates beyond the cap are refused with a field message', () => {
    expect(resolveApiKeyExpiry(undefined, null, now)).toBeNull()
    expect(resolveApiKeyExpiry('2026-07-01T00:00:00Z', 90, now)?.toISOString()).toBe('2026-07-01T00:00:00.000Z')
    for (const [requested, cap] of [[null, 90], ['2026-05-31T00:00:00Z', null], ['2026-09-01T00:00:00Z', 90], ['2046-01-01T00:00:00Z', null]] as const) {
      expect(() => resolveApiKeyExpiry(requested, cap, now)).toThrow(expect.objectContaining({ code: 'invalid_request', fields: { expiresAt: expect.any(String) } }))
    }
  })

  it('a rotated key keeps its predecessor’s lifetime, within today’s cap', () => {
    const old = { createdAt: '2026-05-01T12:00:00Z', expiresAt: '2026-05-31T12:00:00Z' }
    expect(rotatedApiKeyExpiry(old, null, now)?.toISOString()).toBe('2026-07-01T12:00:00.000Z')
    expect(rotatedApiKeyExpiry(old, 10, now)?.toISOString()).toBe('2026-06-11T12:00:00.000Z')
    expect(rotatedApiKeyExpiry({ createdAt: old.createdAt }, null, now)).toBeNull()
    expect(rotatedApiKeyExpiry({ createdAt: old.createdAt }, 30, now)?.toISOString()).toBe('2026-07-01T12:00:00.000Z')
  })
})
