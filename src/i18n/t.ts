import { en, type MessageKey } from './en'

const catalogs = { en } as const
export type Locale = keyof typeof catalogs

/** Looks a message up in the locale's catalog and fills `{placeholders}`. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}, locale: Locale = 'en'): string {
  const template: string = catalogs[locale][key] ?? en[key]
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match))
}
