import { z } from 'zod'

import { regenerateRecoveryCodes } from '@/account/two-factor/regenerate-recovery-codes'
import { lazyMessage } from '@/i18n/t'
import { portalRoute } from '@/lib/api/portal-route'

const Regenerate = z.object({ code: z.string().trim().min(6, lazyMessage('twoFactor.error.codeRequired')).max(32) })

/** POST /api/portal/account/two-factor/recovery-codes — new recovery codes for a current code; answers them, once. */
export const POST = portalRoute({ screen: 'account', action: 'account.manage_own', schema: Regenerate }, async ({ payload, user, actor, body }) =>
  regenerateRecoveryCodes(payload, { userId: user.id, code: body.code, actor }),
)
