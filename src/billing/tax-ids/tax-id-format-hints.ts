import { type Locale, t } from '../../i18n/t'
import { TAX_ID_TYPES, type TaxIdType } from '../tax-id-types'
import { EU_VAT_PREFIXES } from './eu-vat-prefixes'
import { TAX_ID_RULES } from './tax-id-rules'

export type TaxIdFormatHints = { byType: Record<TaxIdType, string>; euVatByCountry: Record<string, string> }

/**
 * The format message of every type (EU VAT: per billing country, XI left to its own message), for
 * the form to show under a tax ID before anything is sent; built on the server so the validation
 * library stays out of the browser bundle. In the page's language.
 */
export function taxIdFormatHints(locale?: Locale): TaxIdFormatHints {
  const byType = Object.fromEntries(
    TAX_ID_TYPES.map((type) => [type, t(type === 'eu_vat' ? 'billing.taxId.format.eu_vat' : TAX_ID_RULES[type].message, {}, locale)]),
  ) as Record<TaxIdType, string>
  const euVatByCountry = Object.fromEntries(
    Object.entries(EU_VAT_PREFIXES)
      .filter(([prefix]) => prefix !== 'XI')
      .map(([, entry]) => [entry.country, t(entry.message, {}, locale)]),
  )
  return { byType, euVatByCountry }
}
