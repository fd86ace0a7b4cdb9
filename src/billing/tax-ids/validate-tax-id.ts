import type { MessageKey } from '../../i18n/en'
import { t } from '../../i18n/t'
import { countryName } from '../address/countries'
import type { TaxIdType } from '../tax-id-types'
import { compactTaxId } from './compact-tax-id'
import { EU_VAT_PREFIXES, euVatPrefixOf } from './eu-vat-prefixes'
import { TAX_ID_RULES } from './tax-id-rules'

export type TaxIdCheck = { ok: true; value: string } | { ok: false; message: string }

/** The format to suggest for an address in `country`: its VAT prefix in the EU, else the first type for it. */
function formatForCountry(country: string): MessageKey | null {
  const prefix = euVatPrefixOf(country)
  if (prefix) return EU_VAT_PREFIXES[prefix]!.message
  return Object.values(TAX_ID_RULES).find((rule) => rule.country === country)?.message ?? null
}

/**
 * Checks one tax ID against its type's format and check digits and against the billing address
 * (`address.country` must already be a valid ISO code): the number's country must be the address's
 * (EU VAT: EL is Greece, XI is Northern Ireland — a GB address with a BT postcode — and only EU
 * addresses take EU VAT numbers). The value comes back as Stripe documents the type's format; a
 * refusal names the expected format with an example that passes its checksum.
 */
export function validateTaxId(type: TaxIdType, value: string, address: { country: string; postalCode: string }): TaxIdCheck {
  const compact = compactTaxId(value)
  const refuse = (message: MessageKey, vars: Record<string, string> = {}): TaxIdCheck => ({ ok: false, message: t(message, vars) })
  // Refusals for the wrong country end with the format the address's country does take.
  const expected = t(formatForCountry(address.country) ?? 'billing.taxId.noTypeForCountry')
  const addressCountry = countryName(address.country)
  const mismatch = (label: string, taxIdCountry: string) => refuse('billing.taxId.countryMismatch', { label, taxIdCountry: countryName(taxIdCountry), addressCountry, expected })
  const outsideEu = () => refuse('billing.taxId.euVatOutsideEu', { addressCountry, expected })

  if (type === 'eu_vat') {
    const prefix = compact.slice(0, 2)
    const rule = EU_VAT_PREFIXES[prefix]
    const addressPrefix = euVatPrefixOf(address.country)
    const label = t('billing.taxIdType.eu_vat')
    if (!rule) {
      // Greek numbers are written with the ISO code often enough to deserve the EL message.
      if (prefix === 'GR') return refuse('billing.taxId.format.eu_vat.EL')
      return addressPrefix ? refuse(EU_VAT_PREFIXES[addressPrefix]!.message) : outsideEu()
    }
    if (rule.country !== address.country) {
      return addressPrefix || address.country === 'GB' ? mismatch(label, rule.country) : outsideEu()
    }
    if (prefix === 'XI' && !address.postalCode.toUpperCase().startsWith('BT')) return refuse('billing.taxId.northernIrelandOnly')
    const national = rule.validator.validate(compact.slice(2))
    return national.isValid ? { ok: true, value: `${prefix}${national.compact}` } : refuse(rule.message)
  }

  const rule = TAX_ID_RULES[type]
  if (rule.country !== address.country) return mismatch(t(`billing.taxIdType.${type}`), rule.country)
  const checked = rule.validator.validate(rule.complete ? rule.complete(compact) : compact)
  if (!checked.isValid) return refuse(rule.message)
  return { ok: true, value: rule.toStripe ? rule.toStripe(checked.compact) : checked.compact }
}
