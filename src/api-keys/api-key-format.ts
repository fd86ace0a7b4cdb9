import { randomBytes } from 'node:crypto'
import { crc32 } from 'node:zlib'

import type { ApiKeyEnvironment } from './scope-catalog'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** 32 base62 characters carry 190 bits, well past the 128 the issue asks for. */
const BODY_LENGTH = 32
/** A CRC32 (< 2³²) fits in 6 base62 digits (62⁶ ≈ 5.7·10¹⁰), zero-padded so the length is fixed. */
const CHECKSUM_LENGTH = 6
/** What the list shows: the environment prefix and the first characters of the random part. */
const DISPLAY_BODY_LENGTH = 6

const PREFIXES = { live: 'pk_live_', test: 'pk_test_' } as const satisfies Record<ApiKeyEnvironment, string>
const PREFIX_LENGTH = 8
export const API_KEY_LENGTH = PREFIX_LENGTH + BODY_LENGTH + CHECKSUM_LENGTH

/** Characters by rejection sampling: bytes ≥ 248 (4·62) are dropped so every character is equally likely. */
function randomBase62(length: number): string {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62]
    }
  }
  return out
}

function base62Checksum(text: string): string {
  let value = crc32(text)
  let out = ''
  for (let index = 0; index < CHECKSUM_LENGTH; index++) {
    out = BASE62[value % 62] + out
    value = Math.floor(value / 62)
  }
  return out
}

export type ParsedApiKey = { environment: ApiKeyEnvironment; displayPrefix: string }

/** A new secret: `pk_live_` / `pk_test_`, 32 random base62 characters, and the CRC32 of all that. */
export function generateApiKeySecret(environment: ApiKeyEnvironment): { secret: string } & ParsedApiKey {
  const head = PREFIXES[environment] + randomBase62(BODY_LENGTH)
  const secret = head + base62Checksum(head)
  return { secret, environment, displayPrefix: displayPrefixOf(secret) }
}

const displayPrefixOf = (secret: string) => secret.slice(0, PREFIX_LENGTH + DISPLAY_BODY_LENGTH)

const isBase62 = (text: string) => /^[0-9A-Za-z]+$/.test(text)

/**
 * The environment and display prefix of a well-formed secret, or null: a wrong prefix, length or
 * alphabet, or a checksum that doesn't match (a typo, a truncated paste). No database is read.
 */
export function parseApiKeySecret(secret: unknown): ParsedApiKey | null {
  if (typeof secret !== 'string' || secret.length !== API_KEY_LENGTH) return null
  const prefix = secret.slice(0, PREFIX_LENGTH)
  const environment = prefix === PREFIXES.live ? 'live' : prefix === PREFIXES.test ? 'test' : null
  if (!environment) return null
  const rest = secret.slice(PREFIX_LENGTH)
  if (!isBase62(rest)) return null
  const head = secret.slice(0, PREFIX_LENGTH + BODY_LENGTH)
  if (base62Checksum(head) !== secret.slice(PREFIX_LENGTH + BODY_LENGTH)) return null
  return { environment, displayPrefix: displayPrefixOf(secret) }
}
