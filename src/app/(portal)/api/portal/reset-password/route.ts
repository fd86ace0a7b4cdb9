import { randomUUID } from 'node:crypto'

import { resetPassword } from '@/account/password/reset-password'
import { requestDetails } from '@/audit/actor'
import { PortalError } from '@/lib/api/portal-error'
import { refuseCrossSite } from '@/lib/http/refuse-cross-site'
import { seeOther } from '@/lib/http/see-other'
import { payloadInstance } from '@/lib/payload'

/** POST /api/portal/reset-password — the form behind the emailed link; on success, sign in afresh. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request)
  if (refused) return refused
  const form = await request.formData()
  const token = String(form.get('token') ?? '')
  const password = String(form.get('password') ?? '')
  try {
    await resetPassword(await payloadInstance(), { token, password, actor: requestDetails(request, request.headers.get('x-request-id') ?? randomUUID()) })
    return seeOther(request, '/sign-in?notice=passwordReset')
  } catch (error) {
    if (!(error instanceof PortalError)) throw error
    return seeOther(request, `/reset-password?${new URLSearchParams({ token, error: error.fields?.password ? 'weak' : 'link' })}`)
  }
}
