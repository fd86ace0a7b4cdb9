import { readPendingChallenge } from '@/account/two-factor/pending-challenge'
import { verifyChallenge } from '@/account/two-factor/verify-challenge'
import { safeNextPath } from '@/auth/safe-next-path'
import { t } from '@/i18n/t'
import { errorResponse } from '@/lib/api/error-response'
import { PortalError } from '@/lib/api/portal-error'
import { refuseCrossSite } from '@/lib/http/refuse-cross-site'
import { seeOther } from '@/lib/http/see-other'
import { tooManyRequests } from '@/lib/http/too-many-requests'
import { payloadInstance } from '@/lib/payload'
import { consumeClientLimit, RateLimited } from '@/lib/rate-limit/rate-limit'

async function readCode(request: Request, isJson: boolean): Promise<{ code: string; next: string }> {
  if (isJson) {
    const body = (await request.json().catch(() => ({}))) as { code?: unknown }
    return { code: typeof body.code === 'string' ? body.code : '', next: '/account' }
  }
  const form = await request.formData()
  return { code: String(form.get('code') ?? ''), next: safeNextPath(String(form.get('next') ?? '')) }
}

/**
 * POST /api/portal/two-factor/verify — the second step of sign-in, for the token the password step
 * issued. The sign-in form posts here and gets a 303 (to `next`, or back with the reason); REST
 * clients post JSON `{ code }` and get the usual envelope.
 */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request)
  if (refused) return refused
  const isJson = (request.headers.get('content-type') ?? '').includes('application/json')
  const payload = await payloadInstance()
  const { code, next } = await readCode(request, isJson)
  try {
    await consumeClientLimit(payload, 'two-factor:client', request.headers)
    const challenge = await readPendingChallenge(payload, request.headers)
    if (!challenge) throw new PortalError('unauthenticated', t('twoFactor.error.expired'))
    const { method } = await verifyChallenge(payload, challenge, code)
    return isJson ? Response.json({ success: true, data: { method } }) : seeOther(request, next)
  } catch (error) {
    if (!(error instanceof PortalError)) throw error
    if (isJson) return errorResponse(error)
    if (error instanceof RateLimited) return tooManyRequests(error, `/sign-in/two-factor?${new URLSearchParams({ next })}`)
    const reason = error.code === 'rate_limited' ? 'locked' : error.code === 'unauthenticated' ? 'expired' : 'invalid'
    if (reason === 'expired') return seeOther(request, `/sign-in?${new URLSearchParams({ error: 'expired', next })}`)
    return seeOther(request, `/sign-in/two-factor?${new URLSearchParams({ error: reason, next })}`)
  }
}
