import { z } from 'zod'

import { disableTwoFactor } from '@/account/two-factor/disable-two-factor'
import { lazyMessage } from '@/i18n/t'
import { portalRoute } from '@/lib/api/portal-route'

const Disable = z.object({ code: z.string().trim().min(6, lazyMessage('twoFactor.error.codeRequired')).max(32) })

/** POST /api/portal/account/two-factor/disable — needs a current code or a recovery code. */
export const POST = portalRoute({ screen: 'account', action: 'account.manage_own', schema: Disable }, async ({ payload, user, actor, body }) => {
  await disableTwoFactor(payload, { userId: user.id, code: body.code, actor })
  return { enabled: false }
})
