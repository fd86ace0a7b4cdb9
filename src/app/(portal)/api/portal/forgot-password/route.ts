import { requestPasswordReset } from '@/account/password/request-password-reset'
import { refuseCrossSite } from '@/lib/http/refuse-cross-site'
import { seeOther } from '@/lib/http/see-other'
import { tooManyRequests } from '@/lib/http/too-many-requests'
import { payloadInstance } from '@/lib/payload'
import { consumeClientLimit, consumeLimit, RateLimited } from '@/lib/rate-limit/rate-limit'

/**
 * POST /api/portal/forgot-password — always the same 303 to "check your inbox", known address or
 * not; the work that differs happens later, in a job.
 */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request)
  if (refused) return refused
  const form = await request.formData()
  const email = String(form.get('email') ?? '').trim()
  if (!email.includes('@') || email.length > 254) return seeOther(request, '/forgot-password?error=email')
  const payload = await payloadInstance()
  try {
    // The same budget for every address, known or not: the limit tells nothing about accounts.
    await consumeClientLimit(payload, 'forgot-password:client', request.headers)
    await consumeLimit(payload, 'forgot-password:account', [email])
  } catch (error) {
    if (error instanceof RateLimited) return tooManyRequests(error, '/forgot-password')
    throw error
  }
  await requestPasswordReset(payload, email)
  return seeOther(request, '/forgot-password?sent=1')
}
