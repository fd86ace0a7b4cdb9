import { z } from 'zod'

import { type DateLocale, isDateLocale, isTimeZone } from '@/account/profile/date-preferences'
import { updateProfile } from '@/account/profile/update-profile'
import { lazyMessage } from '@/i18n/t'
import { portalRoute } from '@/lib/api/portal-route'

const Profile = z.object({
  name: z.string().trim().min(1, lazyMessage('profile.error.name')).max(120),
  locale: z.custom<DateLocale>(isDateLocale, lazyMessage('profile.error.locale')),
  timeZone: z.string().refine(isTimeZone, lazyMessage('profile.error.timeZone')),
})

/** PATCH /api/portal/account/profile — name, locale and time zone of the signed-in user. */
export const PATCH = portalRoute({ screen: 'account', action: 'account.manage_own', schema: Profile }, async ({ payload, user, actor, body }) =>
  updateProfile(payload, { user: user, profile: body, actor }),
)
