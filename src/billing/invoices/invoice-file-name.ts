import type Stripe from 'stripe'

/** `ACME-0007.pdf`: the invoice number (the id for one without), reduced to characters every file system and header takes. */
export const invoiceFileName = (invoice: Pick<Stripe.Invoice, 'id' | 'number'>) => `${(invoice.number || invoice.id).replace(/[^A-Za-z0-9._-]/g, '-')}.pdf`

/** `attachment; filename="…"`: safe to quote as is, since the name holds no quotes or non-ASCII. */
export const attachment = (fileName: string) => `attachment; filename="${fileName}"`
