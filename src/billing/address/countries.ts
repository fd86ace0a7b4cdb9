import countries from 'i18n-iso-countries'
import english from 'i18n-iso-countries/langs/en.json'

// Registered here rather than relying on the package's Node entry, which bundlers may not pick.
countries.registerLocale(english)

const ALPHA2 = new Set(Object.keys(countries.getAlpha2Codes()))

/** An ISO 3166-1 alpha-2 code that names a country (so not `ZZ`, and not an alpha-3 code). */
export const isCountryCode = (code: string): boolean => ALPHA2.has(code)

/** The country's English short name, e.g. `DE` → Germany; the code itself if unknown. */
export const countryName = (code: string): string => countries.getName(code, 'en') ?? code

/** Every ISO 3166 country as `{ code, name }`, sorted by name, for the address form's picker. */
export const countryOptions = (): { code: string; name: string }[] =>
  [...ALPHA2].map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name, 'en'))
