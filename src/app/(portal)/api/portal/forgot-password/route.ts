import { requestPasswordReset } from '@/account/password/request-password-reset'
import { refuseCrossSite } from '@/lib/http/refuse-cross-site'
import { seeOther } from '@/lib/http/see-other'
import { payloadInstance } from '@/lib/payload'

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
  await requestPasswordReset(await payloadInstance(), email)
  return seeOther(request, '/forgot-password?sent=1')
}
