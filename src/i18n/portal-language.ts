import { portalScope } from '../../scope.config'
import { resolveLocale } from './resolve-locale'
import type { Locale } from './t'

/**
 * The portal's language for someone: their profile locale, then the product's default
 * (scope.config.ts), then the browser's Accept-Language when there is a request, then English.
 * Emails pass no Accept-Language: they go to a person, not a browser.
 */
export const portalLanguage = ({ profile, acceptLanguage }: { profile?: string | null; acceptLanguage?: string | null }): Locale =>
  resolveLocale({ profile, productDefault: portalScope.defaultLocale, acceptLanguage })
