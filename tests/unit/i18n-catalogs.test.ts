import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'

import { de } from '../../src/i18n/de'
import { en, type MessageKey } from '../../src/i18n/en'
import { acceptedLocales, resolveLocale } from '../../src/i18n/resolve-locale'
import { formatDate, formatMoney } from '../../src/i18n/formatters'
import { t } from '../../src/i18n/t'

/** The ICU arguments a message uses ({name}, {count, plural, …}), in order of first use. */
const placeholders = (message: string) => [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1]))].sort()

describe('the German catalog matches the English one', () => {
  it('has every English key, and no key English lacks', () => {
    expect(Object.keys(en).filter((key) => !(key in de))).toEqual([])
    expect(Object.keys(de).filter((key) => !(key in en))).toEqual([])
  })

  it('uses the same placeholders in every message', () => {
    const differing = Object.entries(en).flatMap(([key, message]) => {
      const german = (de as Record<string, string>)[key]
      return german !== undefined && placeholders(german).join() !== placeholders(message).join() ? [`${key}: ${placeholders(message)} ≠ ${placeholders(german)}`] : []
    })
    expect(differing).toEqual([])
  })

  it('is actually German, not a copy', () => {
    const same = Object.keys(en).filter((key) => (de as Record<string, string>)[key] === (en as Record<string, string>)[key])
    expect(same.length).toBeLessThan(Object.keys(en).length / 5)
  })
})

describe('t() through next-intl', () => {
  it('fills placeholders in the asked locale and falls back to English for an unknown one', () => {
    expect(t('session.signedInAs', { email: 'a@x.test' }, 'de')).toBe('Angemeldet als a@x.test')
    expect(t('session.signedInAs', { email: 'a@x.test' })).toBe('Signed in as a@x.test')
    expect(t('session.signedInAs', { email: 'a@x.test' }, 'xx' as never)).toBe('Signed in as a@x.test')
  })

  it('writes a number as given where the message only places it (no 2,026 for a year)', () => {
    expect(t('team.seats', { used: 1200, limit: 2026 })).toBe('1200 of 2026 seats in use.')
  })

  it('leaves a placeholder nobody passed as written, as the hand-written t() did', () => {
    expect(t('session.signedInAs')).toBe('Signed in as {email}')
  })

  it('answers every message without arguments as next-intl formats it (plain text is returned without formatting)', () => {
    for (const [locale, catalog] of [['en', en], ['de', de]] as const) {
      const key = (name: string) => name.replaceAll('.', '~')
      // Widened on purpose: typed from the catalog literal, next-intl demands every placeholder's value.
      const messages: Record<string, string> = Object.fromEntries(Object.entries(catalog).map(([name, message]) => [key(name), message]))
      const icu = createTranslator({ locale, messages, onError: () => {} })
      const differing = Object.entries(catalog).flatMap(([name, message]) => {
        if (/[{}<>]/.test(message)) return []
        const ours = t(name as MessageKey, {}, locale)
        return ours === icu(key(name)) ? [] : [`${locale} ${name}: ${ours} ≠ ${icu(key(name))}`]
      })
      expect(differing).toEqual([])
    }
  })
})

describe('locale resolution', () => {
  it('takes the profile, then the product default, then Accept-Language, then English', () => {
    expect(resolveLocale({ profile: 'de-DE', productDefault: 'en', acceptLanguage: 'en' })).toBe('de')
    expect(resolveLocale({ profile: 'fr-FR', productDefault: 'de', acceptLanguage: 'en' })).toBe('de')
    expect(resolveLocale({ profile: null, productDefault: null, acceptLanguage: 'fr-CH, de;q=0.8, en;q=0.5' })).toBe('de')
    expect(resolveLocale({ acceptLanguage: 'ja' })).toBe('en')
  })

  it('orders Accept-Language by q-value and drops q=0', () => {
    expect(acceptedLocales('en;q=0.3, de-AT;q=0.9')).toEqual(['de', 'en'])
    expect(acceptedLocales('de;q=0, en')).toEqual(['en'])
  })
})

describe('formatters', () => {
  it('write dates and money the German way for a German reader', () => {
    const german = { locale: 'de' as const, timeZone: 'UTC' }
    expect(formatDate('2026-03-08T12:00:00Z', german)).toBe('08.03.2026')
    expect(formatMoney(123450, 'eur', german)).toBe('1.234,50\u00a0€')
    expect(formatMoney(123450, 'usd', { locale: 'en' })).toBe('$1,234.50')
  })
})
