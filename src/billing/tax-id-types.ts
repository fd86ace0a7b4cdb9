/**
 * The tax ID types the Billing screen offers, by Stripe's `tax_id` type name. Stripe supports ~100,
 * all shaped `{ type, value }`; these are the ones Portico's customers meet. Each has a rule in
 * `src/billing/tax-ids/tax-id-rules.ts` (its country, its format and checksum) and a label and
 * format message in `src/i18n/en.ts`; adding a type is an entry in each.
 */
export const TAX_ID_TYPES = [
  'eu_vat',
  'gb_vat',
  'ch_vat',
  'no_vat',
  'is_vat',
  'es_cif',
  'us_ein',
  'ca_bn',
  'ca_gst_hst',
  'mx_rfc',
  'br_cnpj',
  'br_cpf',
  'ar_cuit',
  'cl_tin',
  'au_abn',
  'nz_gst',
  'in_gst',
  'jp_cn',
  'kr_brn',
  'sg_uen',
  'tw_vat',
  'za_vat',
] as const
export type TaxIdType = (typeof TAX_ID_TYPES)[number]

/** Stripe's `verification.status` of a tax ID; `unavailable` where Stripe doesn't verify the type. */
export const TAX_ID_VERIFICATION_STATUSES = ['pending', 'verified', 'unverified', 'unavailable'] as const
export type TaxIdVerificationStatus = (typeof TAX_ID_VERIFICATION_STATUSES)[number]
