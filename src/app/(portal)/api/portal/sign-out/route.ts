import { generateExpiredPayloadCookie } from 'payload/shared'

import { endCookieSession } from '@/account/sessions/end-cookie-session'
import { refuseCrossSite } from '@/lib/http/refuse-cross-site'
import { seeOther } from '@/lib/http/see-other'
import { payloadInstance } from '@/lib/payload'

/** Ends this session in the database (not just the cookie), so the token is dead everywhere. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request)
  if (refused) return refused
  const payload = await payloadInstance()
  await endCookieSession(payload, request.headers)
  const expired = generateExpiredPayloadCookie({
    collectionAuthConfig: payload.collections.users.config.auth,
    cookiePrefix: payload.config.cookiePrefix,
  })
  return seeOther(request, '/sign-in', { 'Set-Cookie': expired })
}
