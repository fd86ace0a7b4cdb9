import countries from 'i18n-iso-countries'
import english from 'i18n-iso-countries/langs/en.json'

// Registered here rather than relying on the package's Node entry, which bundlers may not pick.
countries.registerLocale(english)

const ALPHA2 = new Set(Object.keys(countries.getAlpha2Codes()))

/** An ISO 3166-1 alpha-2 code that names a country (so not `ZZ`, and not an alpha-3 code). */
export const isCountryCode = (code: string): boolean => ALPHA2.has(code)

/** The country's English short name, e.g. `DE` → Germany; the code itself if unknown. */
export const countryName = (code: string): string => countries.getName(code, 'en') ?? code

/**
 * Every ISO 3166 country as `{ code, name }` for the address form's picker, named and sorted in the
 * reader's language (`tag`, a BCP 47 tag: Intl's CLDR names, the package's English where Intl has none).
 */
export function countryOptions(tag = 'en'): readonly { code: string; name: string }[] {
  let options = optionsByTag.get(tag)
  if (!options) {
    const names = new Intl.DisplayNames([tag], { type: 'region' })
    const collator = new Intl.Collator(tag)
    options = [...ALPHA2].map((code) => ({ code, name: names.of(code) ?? countryName(code) })).sort((a, b) => collator.compare(a.name, b.name))
    optionsByTag.set(tag, options)
  }
  return options
}

// Made once per language: every billing page render asks for the same ~250 sorted names.
const optionsByTag = new Map<string, readonly { code: string; name: string }[]>()
