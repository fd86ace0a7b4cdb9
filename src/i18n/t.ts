import { createTranslator } from 'next-intl'

import { de } from './de'
import { en, type MessageKey } from './en'

export const catalogs = { en, de } as const satisfies Record<string, Partial<Record<MessageKey, string>>>
export type Locale = keyof typeof catalogs
export const LOCALES = Object.keys(catalogs) as Locale[]
export const DEFAULT_UI_LOCALE: Locale = 'en'

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && value in catalogs

// Where a call without a locale finds one. On the server, `withMessageLocale` (request-locale-context.ts)
// sets it to the request's, so a domain error or a zod message a route answers with speaks the
// caller's language; this file stays free of node modules because client components import it.
let ambientLocale: () => Locale | undefined = () => undefined
export const setAmbientLocale = (source: () => Locale | undefined) => {
  ambientLocale = source
}
/** The language `t()` speaks when given none: the request's on the server, else English. */
export const messageLocale = (): Locale => ambientLocale() ?? DEFAULT_UI_LOCALE

// next-intl reads dots as nesting, and our flat keys nest into each other ('feedback.type' and
// 'feedback.type.bug'), so each catalog is handed over one level deep with the dots swapped.
const pathOf = (key: string) => key.replaceAll('.', '~')
const flatMessages = (catalog: Partial<Record<string, string>>) => Object.fromEntries(Object.entries(catalog).map(([key, value]) => [pathOf(key), value]))

// Set by onError during one synchronous call, so that call can fall back to the plain fill below.
let failed = false
const translators = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    createTranslator({ locale, messages: flatMessages(catalogs[locale]), timeZone: 'UTC', onError: () => { failed = true }, getMessageFallback: () => '' }),
  ]),
) as Record<Locale, (key: string, values?: Record<string, string | number>) => string>

/** What makes a message more than its own text to ICU: an argument, a quote (ICU's escape), a tag. */
const ICU_SYNTAX = /[{}'<>]/

/** `{name}` filled in, unknown ones left as written: what a message says when ICU can't format it (a var not passed). */
const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match))

// A number stays a number only where the message formats it (plural, number); elsewhere it is
// written as given, so an id or a year never gains a thousands separator.
const icuValues = (template: string, vars: Record<string, string | number>) => {
  const numeric = new Set([...template.matchAll(/\{\s*(\w+)\s*,\s*(?:plural|selectordinal|number)/g)].map((match) => match[1]))
  return Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, typeof value === 'number' && !numeric.has(name) ? String(value) : value]))
}

/**
 * The message `key` in `locale` (the request's when omitted on the server, else English), formatted by
 * next-intl's ICU formatter: `{name}` placeholders, `{count, plural, …}`, numbers in the locale's digits.
 */
export function t(key: MessageKey, vars: Record<string, string | number> = {}, locale: Locale = messageLocale()): string {
  const catalog: Partial<Record<string, string>> = catalogs[locale] ?? en
  const template = catalog[key] ?? en[key]
  if (template === undefined) return key
  // Most messages are plain text, which ICU formats to itself; formatting one costs ~13 µs, and a page calls t() hundreds of times.
  if (!ICU_SYNTAX.test(template)) return template
  failed = false
  const message = translators[isLocale(locale) ? locale : DEFAULT_UI_LOCALE](pathOf(key), icuValues(template, vars))
  return failed ? fill(template, vars) : message
}

/**
 * A zod message formatted when input is checked rather than when the schema is built at import,
 * so it speaks the request's language: `z.string().min(1, lazyMessage('profile.error.name'))`.
 */
export const lazyMessage = (key: MessageKey, vars?: Record<string, string | number>) => ({ error: () => t(key, vars) })
