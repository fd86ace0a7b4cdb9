import { z } from 'zod'

import { requestEmailChange } from '@/account/email-change/request-email-change'
import { lazyMessage } from '@/i18n/t'
import { portalRoute } from '@/lib/api/portal-route'
import { consumeLimit } from '@/lib/rate-limit/rate-limit'

const EmailChange = z.object({
  newEmail: z.email(lazyMessage('emailChange.error.format')).max(254),
  password: z.string().min(1, lazyMessage('password.error.currentRequired')),
})

/** POST /api/portal/account/email — starts a change; it applies when the link sent to the new address is opened. */
export const POST = portalRoute({ screen: 'account', action: 'account.manage_own', schema: EmailChange }, async ({ payload, user, actor, body }) => {
  await consumeLimit(payload, 'email-change:user', [String(user.id)])
  return requestEmailChange(payload, { user, newEmail: body.newEmail, password: body.password, actor })
})
