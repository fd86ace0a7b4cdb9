import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'

/** A bank's PDF advice or a phone photo of a cheque fits; base64 in JSON makes it a third larger on the wire. */
export const REMITTANCE_MAX_BYTES = 4 * 1024 * 1024

/** File types by their first bytes: the declared type is the sender's claim, the bytes are the file. */
const SIGNATURES = {
  'application/pdf': (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
} as const
export type RemittanceType = keyof typeof SIGNATURES
export const REMITTANCE_TYPES = Object.keys(SIGNATURES) as RemittanceType[]

export type Remittance = { mimeType: RemittanceType; bytes: Buffer }

const refuse = (message: string) => new PortalError('invalid_request', t('api.error.invalid'), { remittance: message })

/** The attached file as we keep it, or a 422 naming the field: empty, too big, or not a PDF, PNG or JPEG. */
export function readRemittance(file: { type: string; data: string }): Remittance {
  const bytes = Buffer.from(file.data, 'base64')
  if (bytes.length === 0) throw refuse(t('offlinePayments.error.remittanceType'))
  if (bytes.length > REMITTANCE_MAX_BYTES) throw refuse(t('offlinePayments.error.remittanceTooLarge'))
  const mimeType = REMITTANCE_TYPES.find((type) => SIGNATURES[type](bytes))
  if (!mimeType || (file.type && file.type !== mimeType)) throw refuse(t('offlinePayments.error.remittanceType'))
  return { mimeType, bytes }
}
