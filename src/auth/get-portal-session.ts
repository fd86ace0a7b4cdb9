import { headers } from 'next/headers'
import { cache } from 'react'

import { rememberSessionMemberships } from '../access/actor-memberships'
import { PortalError } from '../lib/api/portal-error'
import { payloadInstance } from '../lib/payload'
import { pageNavigationHeaders } from './page-navigation-headers'
import { resolvePortalSession } from './portal-session'

/**
 * The portal session for the current page request (pages only: API routes resolve it themselves),
 * once per request. A session the adapter refuses with a reason (an unverified email it won't link)
 * is no session here: the page sends the visitor to sign in, and the JSON routes say why. The
 * memberships it read serve the page's access checks too (pages don't write).
 */
export const getPortalSession = cache(async () => {
  const payload = await payloadInstance()
  try {
    const session = await resolvePortalSession(payload, pageNavigationHeaders(await headers()))
    if (session) rememberSessionMemberships(session.user, session.organizations.map(({ id, role }) => ({ organization: id, role })))
    return session
  } catch (error) {
    if (!(error instanceof PortalError)) throw error
    payload.logger.warn({ code: error.code }, error.message)
    return null
  }
})
