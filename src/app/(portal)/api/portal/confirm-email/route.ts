import { randomUUID } from 'node:crypto'

import { confirmEmailChange } from '@/account/email-change/confirm-email-change'
import { requestDetails } from '@/audit/actor'
import { PortalError } from '@/lib/api/portal-error'
import { refuseCrossSite } from '@/lib/http/refuse-cross-site'
import { seeOther } from '@/lib/http/see-other'
import { payloadInstance } from '@/lib/payload'

const outcome: Partial<Record<PortalError['code'], string>> = { not_found: 'invalid', invalid_request: 'expired', conflict: 'taken' }

/** POST /api/portal/confirm-email — the button on the page the emailed link opens; the token is the proof. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request)
  if (refused) return refused
  const token = String((await request.formData()).get('token') ?? '')
  try {
    await confirmEmailChange(await payloadInstance(), { token, actor: requestDetails(request, request.headers.get('x-request-id') ?? randomUUID()) })
    return seeOther(request, '/confirm-email?status=done')
  } catch (error) {
    if (!(error instanceof PortalError)) throw error
    return seeOther(request, `/confirm-email?status=${outcome[error.code] ?? 'invalid'}`)
  }
}
