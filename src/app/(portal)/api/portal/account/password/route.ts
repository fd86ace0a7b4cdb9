import { z } from 'zod'

import { changePassword } from '@/account/password/change-password'
import { lazyMessage } from '@/i18n/t'
import { portalRoute } from '@/lib/api/portal-route'

const PasswordChange = z.object({
  currentPassword: z.string().min(1, lazyMessage('password.error.currentRequired')),
  newPassword: z.string().max(200),
})

/** POST /api/portal/account/password — current password, then the strength rules (field messages). */
export const POST = portalRoute({ screen: 'account', action: 'account.manage_own', schema: PasswordChange }, async ({ payload, user, actor, body }) => {
  await changePassword(payload, { user: user, currentPassword: body.currentPassword, newPassword: body.newPassword, actor })
  return { changed: true }
})
