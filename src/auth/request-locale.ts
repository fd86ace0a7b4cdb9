import { headers } from 'next/headers'
import { cache } from 'react'

import type { FormatContext } from '../i18n/formatters'
import { portalLanguage } from '../i18n/portal-language'
import { getPortalSession } from './get-portal-session'

/**
 * The language and formats of this page request, once per request: the signed-in person's profile
 * locale, then the product's default (scope.config.ts), then Accept-Language, then English.
 * Dates and numbers follow the profile's own format setting and time zone.
 */
export const getRequestLocale = cache(async (): Promise<FormatContext> => {
  // Headers first: outside a request (a build's prerender) that stops here, before any database call.
  const requestHeaders = await headers()
  const session = await getPortalSession()
  const locale = portalLanguage({ profile: session?.user.locale, acceptLanguage: requestHeaders.get('accept-language') })
  return { locale, formatLocale: session?.user.locale ?? null, timeZone: session?.user.timeZone ?? null }
})
