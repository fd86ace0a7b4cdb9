import { randomUUID } from 'node:crypto'
import { generatePayloadCookie } from 'payload/shared'
import { z } from 'zod'

import { requestDetails } from '@/audit/actor'
import { organizationCookie, resolvePortalSession, sessionAdapterFromEnv } from '@/auth/portal-session'
import { refuseCrossSite } from '@/lib/http/refuse-cross-site'
import { seeOther } from '@/lib/http/see-other'
import { payloadInstance } from '@/lib/payload'
import { acceptInvitation, MIN_PASSWORD_LENGTH } from '@/team/accept-invitation'

const Accept = z.object({
  token: z.string().min(1).max(200),
  name: z.string().trim().max(120).optional(),
  password: z.string().max(200).optional(),
})

/**
 * POST /api/team/invitations/accept — the form on /invite/<token> (works without JavaScript).
 * Signed in as the invited address: joins. Signed out: creates the account (name + password),
 * joins and signs in. Either way 303 to /account/team in the new organization; any refusal goes
 * back to the invitation page, which explains it.
 */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request)
  if (refused) return refused
  const requestId = request.headers.get('x-request-id') ?? randomUUID()
  const parsed = Accept.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return seeOther(request, '/invite/invalid')
  const { token, name, password } = parsed.data
  const back = (error: string) => seeOther(request, `/invite/${encodeURIComponent(token)}?error=${error}`)

  const payload = await payloadInstance()
  try {
    const session = await resolvePortalSession(payload, request.headers)
    let newAccount: { name: string; password: string } | undefined
    if (!session) {
      // With the product's own sign-in (product-jwt), accounts are the product's to create.
      if (sessionAdapterFromEnv().name !== 'payload') return back('sign_in_needed')
      if (!name) return back('name')
      if (!password || password.length < MIN_PASSWORD_LENGTH) return back('password')
      newAccount = { name, password }
    }
    const outcome = await acceptInvitation(payload, { token, user: session?.user ?? null, newAccount, request: requestDetails(request, requestId) })
    if (!outcome.ok) return back(outcome.reason)

    // Land in the organization just joined, not in whichever one the switcher remembered.
    const cookies = [organizationCookie(outcome.organizationId)]
    if (outcome.createdAccount && newAccount) {
      // As the sign-in route does: the request's headers reach the afterLogin hook that records the device.
      const { token: sessionToken } = await payload.login({ collection: 'users', data: { email: outcome.user.email, password: newAccount.password }, req: { headers: request.headers } })
      if (sessionToken) {
        cookies.push(generatePayloadCookie({ collectionAuthConfig: payload.collections.users.config.auth, cookiePrefix: payload.config.cookiePrefix, token: sessionToken }))
      }
    }
    const response = seeOther(request, '/account/team')
    for (const cookie of cookies) response.headers.append('Set-Cookie', cookie)
    return response
  } catch (error) {
    payload.logger.error({ err: error, requestId }, 'accepting an invitation failed')
    return back('failed')
  }
}
