import { stdnum, type Validator } from 'stdnum'

import type { MessageKey } from '../../i18n/en'
import type { TaxIdType } from '../tax-id-types'

export type TaxIdRule = {
  /** ISO 3166 country of the billing address the number goes with. */
  country: string
  /** Format, length and — where the number has one — check digits (python-stdnum's algorithms). */
  validator: Validator
  /** Names the expected format with a valid example; shown when the number doesn't fit. */
  message: MessageKey
  /** The value as Stripe documents the type's format, from the validator's compact form. */
  toStripe?: (compact: string) => string
  /** Fills in what people leave off but the number's format includes (a suffix that only names the tax). */
  complete?: (compact: string) => string
}

/** The compact characters laid into `template`'s `#`s: shape('##-#######')('123456789') → '12-3456789'. */
const shape = (template: string) => (compact: string) => {
  let next = 0
  return template.replace(/#/g, () => compact[next++] ?? '')
}

/**
 * Every type but `eu_vat` (one rule per member state, in `eu-vat-prefixes.ts`). `stdnum` won every
 * type here: `jsvat` only covers European VAT numbers and Brazil, and where both cover a type they
 * agree on the test table (tests/unit/billing/tax-id-validation.test.ts).
 */
export const TAX_ID_RULES: Record<Exclude<TaxIdType, 'eu_vat'>, TaxIdRule> = {
  gb_vat: { country: 'GB', validator: stdnum.GB.vat, message: 'billing.taxId.format.gb_vat', toStripe: (compact) => `GB${compact}` },
  // stdnum's compact form is `CHE107787577MWST`; Stripe documents `CHE-123.456.789 MWST`.
  // MWST, TVA and IVA are the same number in three languages.
  ch_vat: {
    country: 'CH',
    validator: stdnum.CH.vat,
    message: 'billing.taxId.format.ch_vat',
    complete: (compact) => (/^CHE\d{9}$/.test(compact) ? `${compact}MWST` : compact),
    toStripe: (compact) => `${shape('CHE-###.###.###')(compact.slice(3))} ${compact.slice(12)}`,
  },
  no_vat: { country: 'NO', validator: stdnum.NO.mva, message: 'billing.taxId.format.no_vat', complete: (compact) => (/^(NO)?\d{9}$/.test(compact) ? `${compact}MVA` : compact) },
  is_vat: { country: 'IS', validator: stdnum.IS.vsk, message: 'billing.taxId.format.is_vat' },
  es_cif: { country: 'ES', validator: stdnum.ES.cif, message: 'billing.taxId.format.es_cif' },
  us_ein: { country: 'US', validator: stdnum.US.ein, message: 'billing.taxId.format.us_ein', toStripe: shape('##-#######') },
  ca_bn: { country: 'CA', validator: stdnum.CA.bn, message: 'billing.taxId.format.ca_bn' },
  ca_gst_hst: { country: 'CA', validator: stdnum.CA.gst, message: 'billing.taxId.format.ca_gst_hst' },
  mx_rfc: { country: 'MX', validator: stdnum.MX.rfc, message: 'billing.taxId.format.mx_rfc' },
  br_cnpj: { country: 'BR', validator: stdnum.BR.cnpj, message: 'billing.taxId.format.br_cnpj', toStripe: shape('##.###.###/####-##') },
  br_cpf: { country: 'BR', validator: stdnum.BR.cpf, message: 'billing.taxId.format.br_cpf', toStripe: shape('###.###.###-##') },
  ar_cuit: { country: 'AR', validator: stdnum.AR.cuit, message: 'billing.taxId.format.ar_cuit', toStripe: shape('##-########-#') },
  cl_tin: {
    country: 'CL',
    validator: stdnum.CL.rut,
    message: 'billing.taxId.format.cl_tin',
    toStripe: (compact) => `${compact.slice(0, -1).replace(/\B(?=(\d{3})+$)/g, '.')}-${compact.slice(-1)}`,
  },
  au_abn: { country: 'AU', validator: stdnum.AU.abn, message: 'billing.taxId.format.au_abn' },
  nz_gst: { country: 'NZ', validator: stdnum.NZ.ird, message: 'billing.taxId.format.nz_gst' },
  in_gst: { country: 'IN', validator: stdnum.IN.gstin, message: 'billing.taxId.format.in_gst' },
  jp_cn: { country: 'JP', validator: stdnum.JP.cn, message: 'billing.taxId.format.jp_cn' },
  kr_brn: { country: 'KR', validator: stdnum.KR.brn, message: 'billing.taxId.format.kr_brn', toStripe: shape('###-##-#####') },
  sg_uen: { country: 'SG', validator: stdnum.SG.uen, message: 'billing.taxId.format.sg_uen' },
  tw_vat: { country: 'TW', validator: stdnum.TW.ubn, message: 'billing.taxId.format.tw_vat' },
  // SARS publishes no check digit for VAT numbers: 10 digits starting with 4 is all there is to check.
  za_vat: { country: 'ZA', validator: stdnum.ZA.vat, message: 'billing.taxId.format.za_vat' },
}
