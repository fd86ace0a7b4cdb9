import { headers } from 'next/headers'
import { cache } from 'react'

import { payloadInstance } from '../lib/payload'
import { pageNavigationHeaders } from './page-navigation-headers'
import { resolvePortalSession } from './portal-session'

/** The portal session for the current page request (pages only: API routes resolve it themselves), once per request. */
export const getPortalSession = cache(async () => resolvePortalSession(await payloadInstance(), pageNavigationHeaders(await headers())))
