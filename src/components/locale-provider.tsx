'use client'

import { createContext, type ReactNode, useContext } from 'react'

import type { MessageKey } from '@/i18n/en'
import { roleLabel } from '@/i18n/role-label'
import { DEFAULT_UI_LOCALE, type Locale, t } from '@/i18n/t'

const LocaleContext = createContext<Locale>(DEFAULT_UI_LOCALE)

/** The request's language (getRequestLocale on the server) for the client components below it. */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>
}

export const useUiLocale = (): Locale => useContext(LocaleContext)

/** `t` bound to the page's language: `const t = useT()` in a client component. */
export function useT() {
  const locale = useUiLocale()
  return (key: MessageKey, vars: Record<string, string | number> = {}) => t(key, vars, locale)
}

/** Role names in the page's language. */
export function useRoleLabel() {
  const locale = useUiLocale()
  return (role: string) => roleLabel(role, locale)
}
