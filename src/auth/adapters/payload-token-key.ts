import type { Payload } from 'payload'

const keys = new Map<string, Promise<CryptoKey>>()

/**
 * Payload's token secret as the HS256 key it signs with, imported once per secret. Given the raw
 * secret, jose imports it again on every verify (a WebCrypto importKey per request: ~5% of a
 * kept-answer JSON route's CPU in a profile of GET /api/account/usage).
 */
export function payloadTokenKey(payload: Payload): Promise<CryptoKey> {
  let key = keys.get(payload.secret)
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(payload.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
    keys.set(payload.secret, key)
  }
  return key
}
