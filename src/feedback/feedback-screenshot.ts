import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'

/** Big enough for a full-screen PNG of a 4K display, small enough to keep in PostgreSQL. */
export const SCREENSHOT_MAX_BYTES = 5 * 1024 * 1024

export type Screenshot = { mimeType: ScreenshotType; bytes: Buffer }

/** Image types by their first bytes: the browser's declared type is the sender's claim, the bytes are the file. */
const SIGNATURES = {
  'image/png': (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b: Buffer) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')),
  'image/webp': (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
} as const
export type ScreenshotType = keyof typeof SIGNATURES
export const SCREENSHOT_TYPES = Object.keys(SIGNATURES) as ScreenshotType[]

const refuse = (message: string) => new PortalError('invalid_request', t('api.error.invalid'), { screenshot: message })

/** The uploaded file as a screenshot we keep, or a 422 naming the field: too big, or not a PNG, JPEG, GIF or WebP. */
export async function readScreenshot(file: File): Promise<Screenshot> {
  if (file.size > SCREENSHOT_MAX_BYTES) throw refuse(t('feedback.error.screenshotTooLarge'))
  const bytes = Buffer.from(await file.arrayBuffer())
  const mimeType = SCREENSHOT_TYPES.find((type) => SIGNATURES[type](bytes))
  if (!mimeType || (file.type && file.type !== mimeType)) throw refuse(t('feedback.error.screenshotType'))
  return { mimeType, bytes }
}
