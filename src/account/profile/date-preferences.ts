import { dateTimeFormat } from '../../i18n/intl-formats'

/** Locales offered for dates and numbers. The UI text itself is English for now (src/i18n). */
export const DATE_LOCALES = [
  { value: 'en-US', label: 'English (United States)' },
  { value: 'en-GB', label: 'English (United Kingdom)' },
  { value: 'de-DE', label: 'Deutsch (Deutschland)' },
  { value: 'fr-FR', label: 'Français (France)' },
  { value: 'es-ES', label: 'Español (España)' },
  { value: 'ja-JP', label: '日本語 (日本)' },
] as const

export type DateLocale = (typeof DATE_LOCALES)[number]['value']
export const DEFAULT_LOCALE: DateLocale = 'en-US'
export const DEFAULT_TIME_ZONE = 'UTC'

// `supportedValuesOf` lists canonical zones only; UTC is accepted by every formatter but not listed.
const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')]
const KNOWN_TIME_ZONES = new Set(TIME_ZONES)

export const timeZones = (): readonly string[] => TIME_ZONES
export const isTimeZone = (value: unknown): value is string => typeof value === 'string' && KNOWN_TIME_ZONES.has(value)
export const isDateLocale = (value: unknown): value is DateLocale => DATE_LOCALES.some((locale) => locale.value === value)

/** A date in the person's own locale and time zone: what every account page shows. */
export function formatUserDate(value: string | Date | null | undefined, user: { locale?: string | null; timeZone?: string | null }): string {
  if (!value) return '—'
  const locale = isDateLocale(user.locale) ? user.locale : DEFAULT_LOCALE
  const timeZone = isTimeZone(user.timeZone) ? user.timeZone : DEFAULT_TIME_ZONE
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value))
}
