import { z } from 'zod'

import { t } from '@/i18n/t'
import { PortalError } from '@/lib/api/portal-error'
import { portalRoute } from '@/lib/api/portal-route'
import { CUSTOMER_CHANNELS, EVENT_TYPES, eventTypesFor } from '@/notifications/event-catalog'
import { savePreferences } from '@/notifications/save-preferences'

const Preferences = z.object({
  preferences: z
    .array(z.object({ eventType: z.enum(EVENT_TYPES), channel: z.enum(CUSTOMER_CHANNELS), enabled: z.boolean() }))
    .min(1)
    .max(EVENT_TYPES.length * CUSTOMER_CHANNELS.length),
})

/** PUT /api/portal/notifications/preferences — the member's own choices for the current organization. */
export const PUT = portalRoute({ screen: 'notifications', action: 'notifications.manage_own', schema: Preferences }, async ({ payload, user, actor, organization, role, body }) => {
  const offered = new Set(eventTypesFor(role))
  const notOffered = body.preferences.findIndex((choice) => !offered.has(choice.eventType))
  if (notOffered >= 0) {
    throw new PortalError('invalid_request', t('api.error.invalid'), { [`preferences.${notOffered}.eventType`]: 'Your role doesn’t receive this event.' })
  }
  return savePreferences(payload, {
    user: user,
    organizationId: organization.id,
    choices: body.preferences,
    actor,
  })
})
