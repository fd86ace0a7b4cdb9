import { headers } from 'next/headers'
import { cache } from 'react'

import { payloadInstance } from '../lib/payload'
import { resolvePortalSession } from './portal-session'

/** The portal session for the current Next request, resolved once per request. */
export const getPortalSession = cache(async () => resolvePortalSession(await payloadInstance(), await headers()))
