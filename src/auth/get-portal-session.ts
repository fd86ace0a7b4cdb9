import { headers } from 'next/headers'
import { cache } from 'react'

import { PortalError } from '../lib/api/portal-error'
import { payloadInstance } from '../lib/payload'
import { pageNavigationHeaders } from './page-navigation-headers'
import { resolvePortalSession } from './portal-session'

/**
 * The portal session for the current page request (pages only: API routes resolve it themselves),
 * once per request. A session the adapter refuses with a reason (an unverified email it won't link)
 * is no session here: the page sends the visitor to sign in, and the JSON routes say why.
 */
export const getPortalSession = cache(async () => {
  const payload = await payloadInstance()
  try {
    return await resolvePortalSession(payload, pageNavigationHeaders(await headers()))
  } catch (error) {
    if (!(error instanceof PortalError)) throw error
    payload.logger.warn({ code: error.code }, error.message)
    return null
  }
})
