import { z } from 'zod'

import { lazyMessage, t } from '../../i18n/t'
import { REMITTANCE_MAX_BYTES } from './remittance-file'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const isCalendarDay = (value: string) => ISO_DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
// Standard base64 of at most REMITTANCE_MAX_BYTES: checked before a byte is decoded.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const MAX_BASE64 = Math.ceil(REMITTANCE_MAX_BYTES / 3) * 4

const RemittanceUpload = z.strictObject({
  name: z.string().max(200).optional(),
  type: z.string().max(100),
  data: z.string().max(MAX_BASE64, lazyMessage('offlinePayments.error.remittanceTooLarge')).regex(BASE64, lazyMessage('offlinePayments.error.remittanceType')),
})

/**
 * `POST /api/billing/invoices/:id/offline-payments`: when the customer paid (a UTC calendar day),
 * how much in the invoice's currency as typed ("1250" or "1250.00"), their bank or cheque
 * reference, and optionally the remittance advice as base64 (PDF, PNG or JPEG). What needs the
 * invoice or the clock (decimals of its currency, a day not in the future) is checked by
 * reportOfflinePayment, still before anything is written.
 */
export const OfflinePaymentInput = z
  .strictObject({
    paidOn: z.string().refine(isCalendarDay, lazyMessage('offlinePayments.error.paidOn')),
    amount: z
      .string()
      .trim()
      .regex(/^\d{1,12}(\.\d{1,3})?$/, lazyMessage('offlinePayments.error.amount'))
      .refine((value) => Number(value) > 0, lazyMessage('offlinePayments.error.amount')),
    reference: z.string().trim().min(1, lazyMessage('offlinePayments.error.reference')).max(140, lazyMessage('offlinePayments.error.referenceLong')),
    remittance: z.unknown().optional(),
  })
  // One message on `remittance` itself, whichever part of the upload is wrong: that is the field the form shows.
  .transform((input, context) => {
    if (input.remittance === undefined || input.remittance === null) return { ...input, remittance: null }
    const parsed = RemittanceUpload.safeParse(input.remittance)
    if (!parsed.success) {
      context.addIssue({ code: 'custom', path: ['remittance'], message: parsed.error.issues.find((issue) => issue.path[0] === 'data')?.message ?? t('offlinePayments.error.remittanceType') })
      return z.NEVER
    }
    return { ...input, remittance: parsed.data }
  })

export type OfflinePaymentInput = z.output<typeof OfflinePaymentInput>
