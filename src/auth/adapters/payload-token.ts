import { jwtVerify } from 'jose'
import { JWT_AUTH_VERSION, type Payload } from 'payload'
import { parseCookies } from 'payload/shared'

import { payloadTokenKey } from './payload-token-key'

/** Who a Payload auth token names: a user of `collection`, and the session it belongs to. */
export type PayloadTokenReference = { id: number | string; collection: string; sid?: string }

type Extract = (headers: Headers, payload: Payload) => string | null

// The steps of Payload's own token extraction (payload/dist/auth/extractJWT.js, not exported),
// including its CSRF rule for the cookie: a cookie is taken only from a listed Origin or, without
// one, from a same-origin, same-site or direct navigation. tests/integration/portal-session-fast-path
// checks this against Payload's strategy for every case, so a Payload upgrade that changes it fails there.
const extractions: Record<string, Extract> = {
  Bearer: (headers) => {
    const value = headers.get('Authorization')
    return value?.startsWith('Bearer ') ? value.replace('Bearer ', '') : null
  },
  JWT: (headers) => {
    const value = headers.get('Authorization')
    return value?.startsWith('JWT ') ? value.replace('JWT ', '') : null
  },
  cookie: (headers, payload) => {
    const token = parseCookies(headers).get(`${payload.config.cookiePrefix}-token`)
    if (!token) return null
    const csrf = payload.config.csrf
    const origin = headers.get('Origin')
    if (origin) return csrf.length === 0 || csrf.includes(origin) ? token : null
    if (csrf.length === 0) return token
    const site = headers.get('Sec-Fetch-Site')
    return site === 'same-origin' || site === 'same-site' || site === 'none' ? token : null
  },
}

function extractToken(payload: Payload, headers: Headers): string | null {
  for (const method of payload.config.auth.jwtOrder) {
    const token = extractions[method]?.(headers, payload)
    if (token) return token
  }
  return null
}

type VerifiedToken = { secret: string; reference: PayloadTokenReference; expiresAt: number }

/**
 * Tokens whose signature this process has checked, oldest first: a browser or script sends the same
 * token on every request, and the HMAC through WebCrypto was 13–15% of a kept-answer JSON route's CPU in a profile.
 * Only genuine tokens enter; a hit still honours the expiry, and the session is still the database's.
 */
const verifiedTokens = new Map<string, VerifiedToken>()
const MAX_VERIFIED_TOKENS = 10_000

async function checkToken(payload: Payload, token: string): Promise<VerifiedToken | null> {
  try {
    const { payload: claims, protectedHeader } = await jwtVerify(token, await payloadTokenKey(payload))
    if (protectedHeader.authVersion !== JWT_AUTH_VERSION) return null
    const { id, collection, sid } = claims as { id?: unknown; collection?: unknown; sid?: unknown }
    if (typeof collection !== 'string' || (typeof id !== 'number' && typeof id !== 'string') || (sid !== undefined && typeof sid !== 'string')) return null
    return { secret: payload.secret, reference: { id, collection, ...(sid ? { sid } : {}) }, expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Number.POSITIVE_INFINITY }
  } catch {
    return null
  }
}

/**
 * The token's reference when it is a valid Payload auth token (signature, expiry, format version),
 * else null. Whether its session still exists is the database's answer, not the token's.
 */
export async function verifyPayloadToken(payload: Payload, headers: Headers): Promise<PayloadTokenReference | null> {
  const token = extractToken(payload, headers)
  if (!token) return null
  let verified = verifiedTokens.get(token)
  if (verified?.secret !== payload.secret) {
    verified = (await checkToken(payload, token)) ?? undefined
    if (!verified) return null
    verifiedTokens.set(token, verified)
    if (verifiedTokens.size > MAX_VERIFIED_TOKENS) verifiedTokens.delete(verifiedTokens.keys().next().value!)
  }
  if (Date.now() >= verified.expiresAt) {
    verifiedTokens.delete(token)
    return null
  }
  return verified.reference
}
