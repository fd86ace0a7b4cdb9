import { stdnum, type Validator } from 'stdnum'

import type { MessageKey } from '../../i18n/en'

export type EuVatPrefix = {
  /** ISO 3166 country of the billing address the number goes with. */
  country: string
  /** Checks the national part (after the prefix): format, length and check digits. */
  validator: Validator
  message: MessageKey
}

/**
 * Every EU member state's VAT prefix, plus XI (Northern Ireland, which stays in the EU VAT area for
 * goods). Two prefixes are not the ISO code: EL is Greece (GR), XI is in the United Kingdom (GB).
 * Each validator is python-stdnum's algorithm as ported by `stdnum`, chosen over `jsvat` by the
 * table in tests/unit/billing/tax-id-validation.test.ts: both agree on every member state's
 * published examples and checksum failures, but jsvat doesn't know XI and covers none of the
 * non-European types, so one library does all of them.
 */
export const EU_VAT_PREFIXES: Record<string, EuVatPrefix> = {
  AT: { country: 'AT', validator: stdnum.AT.uid, message: 'billing.taxId.format.eu_vat.AT' },
  BE: { country: 'BE', validator: stdnum.BE.vat, message: 'billing.taxId.format.eu_vat.BE' },
  BG: { country: 'BG', validator: stdnum.BG.vat, message: 'billing.taxId.format.eu_vat.BG' },
  CY: { country: 'CY', validator: stdnum.CY.vat, message: 'billing.taxId.format.eu_vat.CY' },
  CZ: { country: 'CZ', validator: stdnum.CZ.dic, message: 'billing.taxId.format.eu_vat.CZ' },
  DE: { country: 'DE', validator: stdnum.DE.vat, message: 'billing.taxId.format.eu_vat.DE' },
  DK: { country: 'DK', validator: stdnum.DK.cvr, message: 'billing.taxId.format.eu_vat.DK' },
  EE: { country: 'EE', validator: stdnum.EE.kmkr, message: 'billing.taxId.format.eu_vat.EE' },
  EL: { country: 'GR', validator: stdnum.GR.vat, message: 'billing.taxId.format.eu_vat.EL' },
  ES: { country: 'ES', validator: stdnum.ES.nif, message: 'billing.taxId.format.eu_vat.ES' },
  FI: { country: 'FI', validator: stdnum.FI.alv, message: 'billing.taxId.format.eu_vat.FI' },
  FR: { country: 'FR', validator: stdnum.FR.tva, message: 'billing.taxId.format.eu_vat.FR' },
  HR: { country: 'HR', validator: stdnum.HR.oib, message: 'billing.taxId.format.eu_vat.HR' },
  HU: { country: 'HU', validator: stdnum.HU.anum, message: 'billing.taxId.format.eu_vat.HU' },
  IE: { country: 'IE', validator: stdnum.IE.vat, message: 'billing.taxId.format.eu_vat.IE' },
  IT: { country: 'IT', validator: stdnum.IT.iva, message: 'billing.taxId.format.eu_vat.IT' },
  LT: { country: 'LT', validator: stdnum.LT.pvm, message: 'billing.taxId.format.eu_vat.LT' },
  LU: { country: 'LU', validator: stdnum.LU.tva, message: 'billing.taxId.format.eu_vat.LU' },
  LV: { country: 'LV', validator: stdnum.LV.pvn, message: 'billing.taxId.format.eu_vat.LV' },
  MT: { country: 'MT', validator: stdnum.MT.vat, message: 'billing.taxId.format.eu_vat.MT' },
  NL: { country: 'NL', validator: stdnum.NL.btw, message: 'billing.taxId.format.eu_vat.NL' },
  PL: { country: 'PL', validator: stdnum.PL.nip, message: 'billing.taxId.format.eu_vat.PL' },
  PT: { country: 'PT', validator: stdnum.PT.nif, message: 'billing.taxId.format.eu_vat.PT' },
  RO: { country: 'RO', validator: stdnum.RO.cif, message: 'billing.taxId.format.eu_vat.RO' },
  SE: { country: 'SE', validator: stdnum.SE.vat, message: 'billing.taxId.format.eu_vat.SE' },
  SI: { country: 'SI', validator: stdnum.SI.ddv, message: 'billing.taxId.format.eu_vat.SI' },
  SK: { country: 'SK', validator: stdnum.SK.dph, message: 'billing.taxId.format.eu_vat.SK' },
  XI: { country: 'GB', validator: stdnum.GB.vat, message: 'billing.taxId.format.eu_vat.XI' },
}

/** The prefix a VAT number of the country's billing address starts with (GR → EL); XI is never implied. */
export const euVatPrefixOf = (country: string): string | null =>
  Object.entries(EU_VAT_PREFIXES).find(([prefix, entry]) => entry.country === country && prefix !== 'XI')?.[0] ?? null
