/**
 * The tax ID types the emulator accepts and the shape Stripe requires of each, so a value Stripe
 * would answer with `tax_id_invalid` is refused here too (Stripe checks the format per type — and
 * per country prefix for `eu_vat` — not check digits; those are the portal's job). Values are
 * compared without spaces, dots, dashes and slashes, which Stripe's documented formats contain.
 */
const UK_VAT = /^(\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/

const EU_VAT: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^\d[A-Z0-9+*]\d{5}[A-Z]{1,2}$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: UK_VAT,
}

/** Type → [the country Stripe reports for it, its format]; `eu_vat` is checked per prefix. */
const FORMATS: Record<string, [country: string, format: RegExp]> = {
  gb_vat: ['GB', /^GB(\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/],
  ch_vat: ['CH', /^CHE\d{9}(MWST|TVA|IVA|TPV)$/],
  no_vat: ['NO', /^\d{9}MVA$/],
  is_vat: ['IS', /^\d{5,6}$/],
  es_cif: ['ES', /^[A-Z]\d{7}[A-Z0-9]$/],
  us_ein: ['US', /^\d{9}$/],
  ca_bn: ['CA', /^\d{9}$/],
  ca_gst_hst: ['CA', /^\d{9}RT\d{4}$/],
  mx_rfc: ['MX', /^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$/],
  br_cnpj: ['BR', /^\d{14}$/],
  br_cpf: ['BR', /^\d{11}$/],
  ar_cuit: ['AR', /^\d{11}$/],
  cl_tin: ['CL', /^\d{7,8}[0-9K]$/],
  au_abn: ['AU', /^\d{11}$/],
  nz_gst: ['NZ', /^\d{8,9}$/],
  in_gst: ['IN', /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/],
  jp_cn: ['JP', /^\d{13}$/],
  kr_brn: ['KR', /^\d{10}$/],
  sg_uen: ['SG', /^(\d{8}[A-Z]|\d{9}[A-Z]|[TSR]\d{2}[A-Z]{2}\d{4}[A-Z])$/],
  tw_vat: ['TW', /^\d{8}$/],
  za_vat: ['ZA', /^4\d{9}$/],
}

export const TAX_ID_TYPES = ['eu_vat', ...Object.keys(FORMATS)] as const

/** Whether Stripe would take `value` as a `type` tax ID. */
export function isTaxIdFormat(type: string, value: string): boolean {
  const compact = value.toUpperCase().replace(/[\s.\-/]/g, '')
  if (type === 'eu_vat') return EU_VAT[compact.slice(0, 2)]?.test(compact.slice(2)) ?? false
  return FORMATS[type]?.[1].test(compact) ?? false
}

/** The country Stripe reports on a tax ID: the prefix's for EU VAT (EL → GR, XI → GB). */
export function taxIdCountry(type: string, value: string): string | null {
  if (type !== 'eu_vat') return FORMATS[type]?.[0] ?? null
  const prefix = value.slice(0, 2)
  return prefix === 'EL' ? 'GR' : prefix === 'XI' ? 'GB' : prefix
}
