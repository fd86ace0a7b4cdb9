import type { MessageKey } from '../../i18n/en'

/**
 * Postal code shapes for the countries most customers bill from (the Universal Postal Union's
 * formats, upper-cased; an optional space where people write one). Countries not listed here
 * still need a postal code unless they are in `COUNTRIES_WITHOUT_POSTAL_CODES`; its shape is then
 * left to the post office.
 */
export const POSTAL_CODE_RULES: Record<string, { pattern: RegExp; message: MessageKey }> = {
  US: { pattern: /^\d{5}(-\d{4})?$/, message: 'billing.postalCode.format.US' },
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY]\d[A-Z] ?\d[A-Z]\d$/, message: 'billing.postalCode.format.CA' },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, message: 'billing.postalCode.format.GB' },
  DE: { pattern: /^\d{5}$/, message: 'billing.postalCode.format.DE' },
  FR: { pattern: /^\d{5}$/, message: 'billing.postalCode.format.FR' },
  ES: { pattern: /^\d{5}$/, message: 'billing.postalCode.format.ES' },
  IT: { pattern: /^\d{5}$/, message: 'billing.postalCode.format.IT' },
  NL: { pattern: /^[1-9]\d{3} ?[A-Z]{2}$/, message: 'billing.postalCode.format.NL' },
  BE: { pattern: /^[1-9]\d{3}$/, message: 'billing.postalCode.format.BE' },
  AT: { pattern: /^[1-9]\d{3}$/, message: 'billing.postalCode.format.AT' },
  CH: { pattern: /^[1-9]\d{3}$/, message: 'billing.postalCode.format.CH' },
  SE: { pattern: /^\d{3} ?\d{2}$/, message: 'billing.postalCode.format.SE' },
  PL: { pattern: /^\d{2}-\d{3}$/, message: 'billing.postalCode.format.PL' },
  IE: { pattern: /^(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$/, message: 'billing.postalCode.format.IE' },
  BR: { pattern: /^\d{5}-?\d{3}$/, message: 'billing.postalCode.format.BR' },
  MX: { pattern: /^\d{5}$/, message: 'billing.postalCode.format.MX' },
  IN: { pattern: /^[1-9]\d{2} ?\d{3}$/, message: 'billing.postalCode.format.IN' },
  AU: { pattern: /^\d{4}$/, message: 'billing.postalCode.format.AU' },
  JP: { pattern: /^\d{3}-?\d{4}$/, message: 'billing.postalCode.format.JP' },
}

/** Countries whose addresses have no postal code (UPU), so the field stays optional there. */
export const COUNTRIES_WITHOUT_POSTAL_CODES = new Set([
  'AE', 'AG', 'AO', 'AW', 'BF', 'BI', 'BJ', 'BO', 'BS', 'BW', 'BZ', 'CD', 'CF', 'CG', 'CI', 'CK', 'CM', 'DJ', 'DM', 'ER', 'FJ', 'GA', 'GD', 'GH',
  'GM', 'GQ', 'GY', 'HK', 'JM', 'KI', 'KM', 'KN', 'KP', 'LY', 'ML', 'MO', 'MR', 'MS', 'MW', 'NR', 'NU', 'QA', 'RW', 'SB', 'SC', 'SL', 'SO', 'SR',
  'SS', 'ST', 'SY', 'TD', 'TF', 'TG', 'TK', 'TL', 'TO', 'TV', 'UG', 'VU', 'YE', 'ZW',
])
