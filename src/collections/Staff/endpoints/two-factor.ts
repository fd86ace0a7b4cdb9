import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { isStaff } from '../../../access/actor-memberships'
import { readPendingChallenge } from '../../../account/two-factor/pending-challenge'
import { disableTwoFactor } from '../../../account/two-factor/disable-two-factor'
import { enableTwoFactor } from '../../../account/two-factor/enable-two-factor'
import { regenerateRecoveryCodes } from '../../../account/two-factor/regenerate-recovery-codes'
import { startEnrolment } from '../../../account/two-factor/start-enrolment'
import { verifyChallenge } from '../../../account/two-factor/verify-challenge'
import { actorFromRequest } from '../../../audit/actor'
import { lazyMessage, t } from '../../../i18n/t'
import { errorResponse } from '../../../lib/api/error-response'
import { PortalError } from '../../../lib/api/portal-error'
import { refuseCrossSite } from '../../../lib/http/refuse-cross-site'
import { consumeClientLimit } from '../../../lib/rate-limit/rate-limit'

const Code = z.object({ code: z.string().trim().min(1, lazyMessage('twoFactor.error.codeRequired')).max(64, lazyMessage('twoFactor.error.codeRequired')) })

/**
 * The JSON body's code. JSON only: a cross-site HTML form can't send `application/json` without
 * a CORS preflight this API never grants, so these can't be posted on a staff member's behalf.
 */
async function readCode(req: PayloadRequest): Promise<string> {
  if (!(req.headers.get('content-type') ?? '').includes('application/json')) throw new PortalError('invalid_request', t('api.error.invalid'), { code: t('twoFactor.error.codeRequired') })
  const parsed = Code.safeParse(await req.json?.().catch(() => null))
  if (!parsed.success) throw new PortalError('invalid_request', t('api.error.invalid'), { code: t('twoFactor.error.codeRequired') })
  return parsed.data.code
}

/** Runs `handler` as an endpoint answering the portal's envelope; PortalErrors (429 with Retry-After included) become refusals. */
const endpoint = (path: string, handler: (req: PayloadRequest) => Promise<unknown>): Endpoint => ({
  path,
  method: 'post',
  handler: async (req) => {
    const refused = refuseCrossSite(new Request(req.url ?? 'http://localhost/', { headers: req.headers }))
    if (refused) return refused
    try {
      return Response.json({ success: true, data: await handler(req) })
    } catch (error) {
      if (error instanceof PortalError) return errorResponse(error)
      throw error
    }
  },
})

/** The signed-in staff member (a full session); enrolment and its changes need one. */
function staffUser(req: PayloadRequest): { id: number; email: string; collection: 'staff' } {
  if (!isStaff(req) || !req.user) throw new PortalError('unauthenticated', t('api.error.unauthenticated'))
  return { id: Number(req.user.id), email: String(req.user.email), collection: 'staff' }
}

/**
 * /api/staff/two-factor/* — what /admin/two-factor calls. `verify` is the second step of an /admin
 * sign-in: it takes the pending token Payload's login set (refused everywhere else) and a TOTP or
 * recovery code, limited per client and per staff member like the customers' step.
 */
export const staffTwoFactorEndpoints: Endpoint[] = [
  endpoint('/two-factor/verify', async (req) => {
    const code = await readCode(req)
    await consumeClientLimit(req.payload, 'two-factor:client', req.headers, ['staff'])
    const challenge = await readPendingChallenge(req.payload, req.headers, 'staff')
    if (!challenge) throw new PortalError('unauthenticated', t('twoFactor.error.expired'))
    return verifyChallenge(req.payload, challenge, code)
  }),
  endpoint('/two-factor/setup', async (req) => startEnrolment(req.payload, staffUser(req))),
  endpoint('/two-factor/enable', async (req) => {
    const { id } = staffUser(req)
    return enableTwoFactor(req.payload, { userId: id, collection: 'staff', code: await readCode(req), actor: actorFromRequest(req) })
  }),
  endpoint('/two-factor/disable', async (req) => {
    const { id } = staffUser(req)
    await disableTwoFactor(req.payload, { userId: id, collection: 'staff', code: await readCode(req), actor: actorFromRequest(req) })
    return { twoFactor: false }
  }),
  endpoint('/two-factor/recovery-codes', async (req) => {
    const { id } = staffUser(req)
    return regenerateRecoveryCodes(req.payload, { userId: id, collection: 'staff', code: await readCode(req), actor: actorFromRequest(req) })
  }),
]
