/**
 * The tax ID types the Billing screen offers. Stripe supports ~100, all shaped `{ type, value }`;
 * these are the ones Portico's customers meet. Adding one is one entry here.
 */
export const TAX_ID_TYPES = ['eu_vat', 'gb_vat', 'us_ein', 'ch_vat', 'no_vat', 'au_abn', 'ca_bn', 'in_gst', 'za_vat'] as const
export type TaxIdType = (typeof TAX_ID_TYPES)[number]

