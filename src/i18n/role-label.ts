import type { MessageKey } from './en'
import { type Locale, t } from './t'

/** A membership role ('owner', 'viewer'…) in the reader's language; an unknown value as written. */
export function roleLabel(role: string | null | undefined, locale?: Locale): string {
  if (!role) return '—'
  const key = `role.${role}` as MessageKey
  return t(key, {}, locale) === key ? role : t(key, {}, locale)
}
