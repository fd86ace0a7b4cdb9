import { DEFAULT_UI_LOCALE, isLocale, type Locale } from './t'

/** 'de-DE' → 'de' when the catalog speaks it. */
const catalogLocale = (tag: string | null | undefined): Locale | null => {
  const language = tag?.trim().split(/[-_]/)[0]?.toLowerCase()
  return isLocale(language) ? language : null
}

/** The supported languages of an Accept-Language header, by q-value (ties keep the header's order). */
export function acceptedLocales(header: string | null | undefined): Locale[] {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';')
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? 1)
      return { locale: catalogLocale(tag), q: Number.isFinite(q) ? q : 0, index }
    })
    .filter((entry): entry is { locale: Locale; q: number; index: number } => entry.locale !== null && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  return [...new Set(ranked.map((entry) => entry.locale))]
}

export type LocaleSources = {
  /** The person's own setting (users.locale, e.g. 'de-DE'). */
  profile?: string | null
  /** The product's default (scope.config.ts `defaultLocale`); null follows the browser. */
  productDefault?: string | null
  acceptLanguage?: string | null
}

/** The language the portal speaks to someone: their profile, then the product's default, then their browser, then English. */
export function resolveLocale(sources: LocaleSources): Locale {
  return catalogLocale(sources.profile) ?? catalogLocale(sources.productDefault) ?? acceptedLocales(sources.acceptLanguage)[0] ?? DEFAULT_UI_LOCALE
}
