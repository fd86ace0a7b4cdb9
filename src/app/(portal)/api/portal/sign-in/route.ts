import { generatePayloadCookie } from 'payload/shared'

import { safeNextPath } from '@/auth/safe-next-path'
import { refuseCrossSite } from '@/lib/http/refuse-cross-site'
import { tooManyRequests } from '@/lib/http/too-many-requests'
import { payloadInstance } from '@/lib/payload'
import { seeOther } from '@/lib/http/see-other'
import { RateLimited } from '@/lib/rate-limit/rate-limit'

/** The form behind /sign-in. Answers 303 so the browser lands on `next` (or back on the form with an error). */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request)
  if (refused) return refused
  const form = await request.formData()
  const email = String(form.get('email') ?? '').trim()
  const password = String(form.get('password') ?? '')
  const next = safeNextPath(String(form.get('next') ?? ''))
  const backToForm = (error: string) =>
    seeOther(request, `/sign-in?${new URLSearchParams({ error, next, email })}`)
  if (!email || !password) return backToForm('missing')

  const payload = await payloadInstance()
  try {
    // The request's headers reach the afterLogin hook, which records the device (and the 2FA gate).
    const { token, user } = await payload.login({ collection: 'users', data: { email, password }, req: { headers: request.headers } })
    if (!token) return backToForm('invalid')
    const cookie = generatePayloadCookie({
      collectionAuthConfig: payload.collections.users.config.auth,
      cookiePrefix: payload.config.cookiePrefix,
      token,
    })
    // With two-factor on, this token is only a pending sign-in until the code is given.
    const landing = user?.twoFactorEnabledAt ? `/sign-in/two-factor?${new URLSearchParams({ next })}` : next
    return seeOther(request, landing, { 'Set-Cookie': cookie })
  } catch (error) {
    const { status, data } = error as { status?: number; data?: { retryAfter?: number } }
    if (status === 429) return tooManyRequests(new RateLimited(data?.retryAfter ?? 60), `/sign-in?${new URLSearchParams({ next, email })}`)
    return backToForm('invalid')
  }
}
