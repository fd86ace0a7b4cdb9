import { createLocalReq, logoutOperation } from 'payload'
import { generateExpiredPayloadCookie } from 'payload/shared'

import { payloadInstance } from '@/lib/payload'
import { seeOther } from '@/lib/http/see-other'

/** Ends this session in the database (not just the cookie), so the token is dead everywhere. */
export async function POST(request: Request) {
  const payload = await payloadInstance()
  const { user } = await payload.auth({ headers: request.headers })
  if (user?.collection === 'users') {
    const req = await createLocalReq({ user }, payload)
    await logoutOperation({ collection: payload.collections.users, req })
  }
  const expired = generateExpiredPayloadCookie({
    collectionAuthConfig: payload.collections.users.config.auth,
    cookiePrefix: payload.config.cookiePrefix,
  })
  return seeOther(request, '/sign-in', { 'Set-Cookie': expired })
}
