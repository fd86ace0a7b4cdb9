import type { Payload } from 'payload'

import type { AuditActor } from '../audit/actor'
import { commitPortalChange } from '../audit/record-portal-change'
import type { User } from '../payload-types'
import type { CustomerChannel, EventType } from './event-catalog'

export type PreferenceChoice = { eventType: EventType; channel: CustomerChannel; enabled: boolean }

/**
 * Saves a member's choices for one organization: one row per (event type, channel) they set,
 * through the one write path, as the member (overrideAccess: false), so it is audited and scoped.
 */
export async function savePreferences(
  payload: Payload,
  { user, organizationId, choices, actor }: { user: User; organizationId: number; choices: PreferenceChoice[]; actor: AuditActor },
) {
  const asUser = { ...user, collection: 'users' as const }
  const existing = await payload.find({
    collection: 'notification-preferences',
    where: { organization: { equals: organizationId } },
    depth: 0,
    pagination: false,
    user: asUser,
    overrideAccess: false,
  })
  const current = (choice: PreferenceChoice) => existing.docs.find((row) => row.eventType === choice.eventType && row.channel === choice.channel)
  const changed = choices.filter((choice) => current(choice)?.enabled !== choice.enabled)
  if (changed.length === 0) return { changed: 0 }
  await commitPortalChange(
    payload,
    {
      actor,
      organization: organizationId,
      entity: { type: 'notification-preferences', id: user.id },
      action: 'notification_preferences.updated',
      before: changed.map((choice) => ({ eventType: choice.eventType, channel: choice.channel, enabled: current(choice)?.enabled ?? null })),
    },
    async (req) => {
      for (const choice of changed) {
        const row = current(choice)
        if (row) await payload.update({ collection: 'notification-preferences', id: row.id, data: { enabled: choice.enabled }, user: asUser, overrideAccess: false, req })
        else await payload.create({ collection: 'notification-preferences', data: { ...choice, user: user.id, organization: organizationId }, user: asUser, overrideAccess: false, req })
      }
      return { entityId: user.id, after: changed }
    },
  )
  return { changed: changed.length }
}
