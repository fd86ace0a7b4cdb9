import type { Locale } from '../../i18n/t'

/**
 * The locales the portal's message catalog speaks (src/i18n). `satisfies` makes a new
 * catalog fail to compile here until it is listed, so the audit never calls a locale
 * the portal already has "add next".
 */
const CATALOG_LOCALES = { en: true, de: true } satisfies Record<Locale, true>

export const PORTAL_LOCALES: readonly string[] = Object.keys(CATALOG_LOCALES)

/** Default share of tickets above which a locale outside the catalog is flagged "add next". */
export const DEFAULT_LOCALE_THRESHOLD = 0.05
