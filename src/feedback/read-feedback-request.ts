import { z } from 'zod'

import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../lib/api/unstorable-text'
import { FeedbackInput } from './feedback-input'
import { readScreenshot, SCREENSHOT_MAX_BYTES, type Screenshot } from './feedback-screenshot'

// The form's text fields are a few KB at most; anything past this with the image is not a form we sent.
const MULTIPART_OVERHEAD = 64 * 1024

async function readFields(request: Request): Promise<{ fields: unknown; file: File | null }> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.startsWith('multipart/form-data')) {
    const text = await request.text()
    if (!text) return { fields: {}, file: null }
    try {
      return { fields: JSON.parse(text), file: null }
    } catch {
      throw new PortalError('invalid_request', t('api.error.bodyNotJson'))
    }
  }
  // Refused before reading: a declared length past the limit never reaches memory.
  if (Number(request.headers.get('content-length') ?? 0) > SCREENSHOT_MAX_BYTES + MULTIPART_OVERHEAD) {
    throw new PortalError('invalid_request', t('api.error.invalid'), { screenshot: t('feedback.error.screenshotTooLarge') })
  }
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw new PortalError('invalid_request', t('api.error.formUnreadable'))
  }
  const fields: Record<string, string> = {}
  let file: File | null = null
  for (const [name, value] of form.entries()) {
    if (name === 'screenshot' && typeof value !== 'string') file = value.size ? value : null
    else if (typeof value === 'string') fields[name] = value
  }
  return { fields, file }
}

/**
 * POST /api/feedback's body: JSON, or multipart when a screenshot is attached (the same fields plus
 * `screenshot`). Checked like portalRoute checks a JSON body — unstorable text, then zod — and the
 * image by size and by its bytes, all before anything is written.
 */
export async function readFeedbackRequest(request: Request): Promise<{ input: FeedbackInput; screenshot: Screenshot | null }> {
  const { fields, file } = await readFields(request)
  const unstorable = findUnstorableText(fields)
  if (unstorable) throw new PortalError('invalid_request', t('api.error.invalid'), { [unstorable]: UNSTORABLE_TEXT_MESSAGE })
  const parsed = FeedbackInput.safeParse(fields)
  if (!parsed.success) {
    const errors = Object.fromEntries(Object.entries(z.flattenError(parsed.error).fieldErrors).map(([field, messages]) => [field, (messages as string[])[0] ?? t('api.error.invalid')]))
    throw new PortalError('invalid_request', t('api.error.invalid'), Object.keys(errors).length ? errors : { _: parsed.error.issues[0]?.message ?? t('api.error.invalid') })
  }
  return { input: parsed.data, screenshot: file ? await readScreenshot(file) : null }
}
