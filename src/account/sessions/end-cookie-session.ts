import { jwtVerify } from 'jose'
import type { Payload } from 'payload'
import { parseCookies } from 'payload/shared'

import { payloadTokenKey } from '../../auth/adapters/payload-token-key'
import { removeSessions } from './session-store'

/**
 * Ends, on the server, the session the request's Payload cookie names: its sid leaves
 * `users_sessions`, so the token is refused on every instance from the next request on. The token
 * is read here rather than through `payload.auth`, which ignores the cookie on a request without
 * an Origin header (its CSRF rule) and would leave the session alive behind a cleared cookie.
 */
export async function endCookieSession(payload: Payload, headers: Headers): Promise<void> {
  const token = parseCookies(headers).get(`${payload.config.cookiePrefix}-token`)
  if (!token) return
  const claims = await jwtVerify(token, await payloadTokenKey(payload)).then(
    ({ payload: verified }) => verified,
    () => null,
  )
  if (claims?.collection !== 'users' || typeof claims.sid !== 'string' || !Number.isSafeInteger(claims.id)) return
  await removeSessions({ payload, req: undefined }, Number(claims.id), { sids: [claims.sid] })
}
