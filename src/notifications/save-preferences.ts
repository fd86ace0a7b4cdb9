import type { Payload } from 'payload'

import type { AuditActor } from '../audit/actor'
import { recordPortalChange } from '../audit/record-portal-change'
import { inLockedTransaction } from '../lib/advisory-lock'
import type { User } from '../payload-types'
import type { CustomerChannel, EventType } from './event-catalog'

export type PreferenceChoice = { eventType: EventType; channel: CustomerChannel; enabled: boolean }

/**
 * Saves a member's choices for one organization: one row per (event type, channel) they set,
 * through the one write path, as the member (overrideAccess: false), so it is audited and scoped.
 * The member's preference lock makes concurrent saves run one after the other, and the rows are
 * read after it: two first-time saves can't both insert the same row (the unique index would
 * answer 500), and each audit row's `before` is what the previous save left.
 */
export async function savePreferences(
  payload: Payload,
  { user, organizationId, choices, actor }: { user: User; organizationId: number; choices: PreferenceChoice[]; actor: AuditActor },
) {
  const asUser = { ...user, collection: 'users' as const }
  return inLockedTransaction(
    payload,
    { namespace: 'notificationPreferences', key: user.id },
    async (req) => {
      const existing = await payload.find({
        collection: 'notification-preferences',
        where: { organization: { equals: organizationId } },
        depth: 0,
        pagination: false,
        user: asUser,
        overrideAccess: false,
        req,
      })
      const current = (choice: PreferenceChoice) => existing.docs.find((row) => row.eventType === choice.eventType && row.channel === choice.channel)
      const changed = choices.filter((choice) => current(choice)?.enabled !== choice.enabled)
      if (changed.length === 0) return { changed: 0 }
      await recordPortalChange(
        req,
        {
          actor,
          organization: organizationId,
          entity: { type: 'notification-preferences', id: user.id },
          action: 'notification_preferences.updated',
          before: changed.map((choice) => ({ eventType: choice.eventType, channel: choice.channel, enabled: current(choice)?.enabled ?? null })),
        },
        async (inner) => {
          for (const choice of changed) {
            const row = current(choice)
            if (row) await payload.update({ collection: 'notification-preferences', id: row.id, data: { enabled: choice.enabled }, user: asUser, overrideAccess: false, req: inner })
            else await payload.create({ collection: 'notification-preferences', data: { ...choice, user: user.id, organization: organizationId }, user: asUser, overrideAccess: false, req: inner })
          }
          return { entityId: user.id, after: changed }
        },
      )
      return { changed: changed.length }
    },
    { user: asUser },
  )
}
