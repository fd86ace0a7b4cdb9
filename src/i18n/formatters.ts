import { dateTimeFormat, numberFormat } from './intl-formats'
import type { Locale } from './t'

/** Where dates and numbers are written for someone: the UI language, their own format setting and time zone. */
export type FormatContext = { locale: Locale; formatLocale?: string | null; timeZone?: string | null }

const REGION: Record<Locale, string> = { en: 'en-US', de: 'de-DE' }

/** The BCP 47 tag for Intl: the person's own format setting (users.locale), else the UI language's usual region. */
export const intlLocale = (context: FormatContext): string => context.formatLocale || REGION[context.locale]

const validTimeZone = (timeZone: string | null | undefined) => {
  if (!timeZone) return 'UTC'
  try {
    dateTimeFormat('en', { timeZone })
    return timeZone
  } catch {
    return 'UTC'
  }
}

export type DateStyle = 'date' | 'dateTime' | 'long'
const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  long: { dateStyle: 'long' },
}

/** A date as this person reads it ('1. Dez. 2026' for de-DE); '—' for none. `timeZone: 'UTC'` for calendar dates like invoice dates. */
export function formatDate(value: string | Date | null | undefined, context: FormatContext, style: DateStyle = 'date'): string {
  if (!value) return '—'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  return dateTimeFormat(intlLocale(context), { ...DATE_OPTIONS[style], timeZone: validTimeZone(context.timeZone) }).format(date)
}

export const formatNumber = (value: number, context: FormatContext, options: Intl.NumberFormatOptions = {}): string => numberFormat(intlLocale(context), options).format(value)

/** An amount in the currency's minor unit (cents) as money in this person's format ('1.234,50 €'). */
export function formatMoney(minor: number, currency: string, context: FormatContext): string {
  const format = numberFormat(intlLocale(context), { style: 'currency', currency: currency.toUpperCase() })
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2))
}
