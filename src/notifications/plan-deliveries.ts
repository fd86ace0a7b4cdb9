import type { PayloadRequest } from 'payload'

import { extractIdOrNull } from '../lib/extract-id'
import { requestDb } from '../lib/transaction-db'
import type { PortalEvent } from '../payload-types'
import { CUSTOMER_CHANNELS, type Channel, eventDefinition, isEventType } from './event-catalog'
import { type EventFacts, loadEventFacts, preferenceKey, subjectOf } from './event-facts'
import { loadRouting, type Routing } from './load-routing'

export type PlannedDelivery = { key: string; channel: Channel; recipient: string; recipientUser?: number }

/** The Slack route's recipient name: one support channel today, room for per-team routes later. */
export const SLACK_SUPPORT_ROUTE = 'slack:support'

/**
 * Who gets an event on which channel: the support Slack channel if routed; the organization's
 * members whose role the catalog names (not the actor: they know what they did), plus the person
 * the change is about; each channel on by their own preference, else the staff/catalog default.
 */
export async function planDeliveries(req: PayloadRequest, event: PortalEvent): Promise<PlannedDelivery[]> {
  if (!isEventType(event.type)) throw new Error(`Event ${event.id} has unknown type ${event.type}.`)
  const routing = await loadRouting(req.payload, req)
  return planFromFacts(event, routing, await loadEventFacts(await requestDb(req.payload, req), [event]))
}

/**
 * The same plan from facts already read (loadEventFacts) for a batch of events: no statement of
 * its own. Throws for an event the catalog does not know.
 */
export function planFromFacts(event: PortalEvent, routing: Routing, facts: EventFacts): PlannedDelivery[] {
  if (!isEventType(event.type)) throw new Error(`Event ${event.id} has unknown type ${event.type}.`)
  const definition = eventDefinition(event.type)
  const eventRouting = routing.forEvent(event.type)
  const planned: PlannedDelivery[] = []
  if (eventRouting.slack && routing.slackWebhookUrl) {
    planned.push({ key: `${event.id}:slack:${SLACK_SUPPORT_ROUTE}`, channel: 'slack', recipient: SLACK_SUPPORT_ROUTE })
  }

  const organization = extractIdOrNull(event.organization)
  const subject = subjectOf(event)
  const recipientIds = new Set<number>()
  if (organization !== null && definition.recipients.length > 0) {
    const roles: readonly string[] = definition.recipients
    for (const member of facts.members.get(organization) ?? []) if (roles.includes(member.role)) recipientIds.add(member.user)
  }
  // The customer who made the change, read from the event's audit row.
  const auditId = extractIdOrNull(event.audit)
  const actor = organization === null || auditId === null ? null : (facts.actors.get(auditId) ?? null)
  if (actor !== null) recipientIds.delete(actor)
  if (definition.notifySubject && subject !== null) recipientIds.add(subject)

  for (const userId of [...recipientIds].sort((a, b) => a - b)) {
    const user = facts.users.get(userId)
    if (!user) continue
    for (const channel of CUSTOMER_CHANNELS) {
      const preference = organization === null ? undefined : facts.preferences.get(preferenceKey(user.id, organization, event.type, channel))
      if (!(preference ?? eventRouting.defaults[channel])) continue
      const recipient = channel === 'email' ? user.email : String(user.id)
      planned.push({ key: `${event.id}:${channel}:${user.id}`, channel, recipient, recipientUser: user.id })
    }
  }
  return planned
}
