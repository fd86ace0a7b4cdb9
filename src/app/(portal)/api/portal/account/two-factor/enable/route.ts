import { z } from 'zod'

import { enableTwoFactor } from '@/account/two-factor/enable-two-factor'
import { lazyMessage } from '@/i18n/t'
import { portalRoute } from '@/lib/api/portal-route'

const Confirm = z.object({ code: z.string().trim().regex(/^\d{6}$/, lazyMessage('twoFactor.error.codeFormat')) })

/** POST /api/portal/account/two-factor/enable — a code from the app turns it on; answers the recovery codes, once. */
export const POST = portalRoute({ screen: 'account', action: 'account.manage_own', twoFactorEnrolment: true, schema: Confirm }, async ({ payload, user, actor, body }) =>
  enableTwoFactor(payload, { userId: user.id, code: body.code, actor }),
)
