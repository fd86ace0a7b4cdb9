import { z } from 'zod'

import { lazyMessage, t } from '../../i18n/t'
import { isCountryCode } from '../address/countries'
import { postalCodeProblem } from '../address/validate-postal-code'
import { TAX_ID_TYPES } from '../tax-id-types'
import { validateTaxId } from '../tax-ids/validate-tax-id'

const optionalText = (max: number) => z.string().trim().max(max, lazyMessage('input.error.tooLong', { max })).default('')

const FieldsInput = z.object({
  billingName: z.string().trim().min(1, lazyMessage('billing.details.error.name')).max(200, lazyMessage('input.error.tooLong', { max: 200 })),
  billingEmail: z.string().trim().pipe(z.email(lazyMessage('billing.details.error.email'))),
  address: z.object({
    line1: optionalText(200),
    line2: optionalText(200),
    city: optionalText(100),
    postalCode: z.string().trim().toUpperCase().max(20, lazyMessage('input.error.tooLong', { max: 20 })).default(''),
    state: optionalText(100),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((value) => value === '' || isCountryCode(value), lazyMessage('billing.details.country.invalid'))
      .default(''),
  }),
  taxIds: z
    .array(
      z.object({
        type: z.enum(TAX_ID_TYPES, lazyMessage('billing.taxId.error.type')),
        value: z.string().trim().min(1, lazyMessage('billing.taxId.error.value')).max(40, lazyMessage('input.error.tooLong', { max: 40 })),
      }),
    )
    .max(5, lazyMessage('billing.taxId.error.tooMany', { max: 5 }))
    .default([]),
})

/**
 * The Billing screen's details form: what goes on invoices. The address and every tax ID are
 * checked together before anything reaches Stripe — the country is an ISO 3166 code, the postal
 * code is there and shaped as the country writes it, and each tax ID fits its type's format and
 * check digits and belongs to the address's country. Refinements run even when other fields
 * failed, so every problem is reported at once; they skip what the field checks already refused.
 * Tax IDs come out as Stripe documents each type's format.
 */
export const BillingDetailsInput = FieldsInput.superRefine((input, context) => {
  const { address } = input
  const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message })
  const hasAddress = Object.values(address).some((value) => typeof value === 'string' && value !== '')
  const taxIds = Array.isArray(input.taxIds) ? input.taxIds : []
  if (!address.country) {
    if (taxIds.length > 0) issue(['address', 'country'], t('billing.taxId.countryRequired'))
    else if (hasAddress) issue(['address', 'country'], t('billing.address.countryRequired'))
    return
  }
  if (!isCountryCode(address.country)) return
  const postalCode = postalCodeProblem(address.country, address.postalCode)
  if (postalCode) issue(['address', 'postalCode'], t(postalCode))
  taxIds.forEach((taxId, index) => {
    if (!(TAX_ID_TYPES as readonly string[]).includes(taxId?.type) || typeof taxId.value !== 'string' || !taxId.value) return
    const checked = validateTaxId(taxId.type, taxId.value, address)
    if (!checked.ok) issue(['taxIds', index, 'value'], checked.message)
  })
}).transform((input) => ({
  ...input,
  taxIds: input.taxIds.map((taxId) => {
    const checked = validateTaxId(taxId.type, taxId.value, input.address)
    return { type: taxId.type, value: checked.ok ? checked.value : taxId.value }
  }),
}))

export type BillingDetailsInput = z.infer<typeof BillingDetailsInput>
