import { z } from 'zod'

import { TAX_ID_TYPES } from '../tax-id-types'

const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).default('')

/** The Billing screen's details form: what goes on invoices. Validated here, then by Stripe. */
export const BillingDetailsInput = z.object({
  billingName: z.string().trim().min(1, 'Enter the company name as it should appear on invoices.').max(200, 'At most 200 characters.'),
  billingEmail: z.string().trim().pipe(z.email('Enter an email address, e.g. billing@example.com.')),
  address: z.object({
    line1: optionalText(200),
    line2: optionalText(200),
    city: optionalText(100),
    postalCode: optionalText(20),
    state: optionalText(100),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((value) => value === '' || /^[A-Z]{2}$/.test(value), 'Use the two-letter country code, e.g. DE or US.')
      .default(''),
  }),
  taxIds: z
    .array(
      z.object({
        type: z.enum(TAX_ID_TYPES, 'Choose the kind of tax ID.'),
        value: z.string().trim().min(1, 'Enter the tax ID.').max(40, 'At most 40 characters.').transform((value) => value.replace(/\s/g, '').toUpperCase()),
      }),
    )
    .max(5, 'At most 5 tax IDs.')
    .default([]),
})

export type BillingDetailsInput = z.infer<typeof BillingDetailsInput>
