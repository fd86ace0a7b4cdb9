import { sql } from '@payloadcms/db-postgres'

import { extractIdOrNull } from '../lib/extract-id'
import { intArrayLiteral } from '../lib/int-array-literal'
import type { requestDb } from '../lib/transaction-db'
import type { PortalEvent } from '../payload-types'

type Db = Awaited<ReturnType<typeof requestDb>>

export type FactUser = { id: number; email: string; name: string | null }

/**
 * What planning and describing a set of events needs from the database, read for all of them at
 * once: each organization's name and members, each event's actor (from its audit row), the users
 * concerned and their preferences. Up to five statements however many events — the Local API
 * took five finds per event.
 */
export type EventFacts = {
  organizationNames: Map<number, string>
  members: Map<number, Array<{ user: number; role: string }>>
  actors: Map<number, number | null>
  users: Map<number, FactUser>
  /** `${user}:${organization}:${eventType}:${channel}` → enabled */
  preferences: Map<string, boolean>
}

export const preferenceKey = (user: number, organization: number, eventType: string, channel: string) => `${user}:${organization}:${eventType}:${channel}`

export const subjectOf = (event: PortalEvent): number | null => extractIdOrNull(((event.data ?? {}) as { subjectUserId?: number | null }).subjectUserId)

/** One statement per kind of fact, and none when no event needs it. Runs on the transaction `db` belongs to. */
export async function loadEventFacts(db: Db, events: readonly PortalEvent[]): Promise<EventFacts> {
  const organizations = new Set(events.flatMap((event) => extractIdOrNull(event.organization) ?? []))
  const audits = new Set(events.flatMap((event) => (extractIdOrNull(event.organization) === null ? [] : (extractIdOrNull(event.audit) ?? []))))
  const facts: EventFacts = { organizationNames: new Map(), members: new Map(), actors: new Map(), users: new Map(), preferences: new Map() }
  const rows = async <T>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[]

  // Sequential: a transaction is one connection.
  if (organizations.size > 0) {
    for (const row of await rows<{ id: number; name: string }>(sql`SELECT id, name FROM organizations WHERE id = ANY(${intArrayLiteral(organizations)}::int[])`)) {
      facts.organizationNames.set(Number(row.id), row.name)
    }
    const members = await rows<{ organization_id: number; user_id: number; role: string }>(
      sql`SELECT organization_id, user_id, role FROM memberships WHERE organization_id = ANY(${intArrayLiteral(organizations)}::int[]) AND user_id IS NOT NULL`,
    )
    for (const row of members) {
      const list = facts.members.get(Number(row.organization_id)) ?? []
      list.push({ user: Number(row.user_id), role: row.role })
      facts.members.set(Number(row.organization_id), list)
    }
  }
  if (audits.size > 0) {
    for (const row of await rows<{ id: number; actor_user_id: number | null }>(sql`SELECT id, actor_user_id FROM portal_audit WHERE id = ANY(${intArrayLiteral(audits)}::int[])`)) {
      facts.actors.set(Number(row.id), row.actor_user_id === null ? null : Number(row.actor_user_id))
    }
  }
  const userIds = new Set<number>([...facts.members.values()].flat().map((member) => member.user))
  for (const event of events) {
    const subject = subjectOf(event)
    if (subject !== null) userIds.add(subject)
  }
  if (userIds.size > 0) {
    for (const row of await rows<{ id: number; email: string; name: string | null }>(sql`SELECT id, email, name FROM users WHERE id = ANY(${intArrayLiteral(userIds)}::int[]) ORDER BY id`)) {
      facts.users.set(Number(row.id), { id: Number(row.id), email: row.email, name: row.name })
    }
  }
  if (userIds.size > 0 && organizations.size > 0) {
    const preferences = await rows<{ user_id: number; organization_id: number; event_type: string; channel: string; enabled: boolean }>(
      sql`SELECT user_id, organization_id, event_type, channel, enabled FROM notification_preferences
           WHERE organization_id = ANY(${intArrayLiteral(organizations)}::int[]) AND user_id = ANY(${intArrayLiteral(userIds)}::int[])`,
    )
    for (const row of preferences) facts.preferences.set(preferenceKey(Number(row.user_id), Number(row.organization_id), row.event_type, row.channel), Boolean(row.enabled))
  }
  return facts
}
