import type { PayloadRequest } from 'payload'

import { extractIdOrNull } from '../lib/extract-id'
import type { PortalEvent } from '../payload-types'
import { CUSTOMER_CHANNELS, type Channel, eventDefinition, isEventType } from './event-catalog'
import { loadRouting } from './load-routing'

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
  const definition = eventDefinition(event.type)
  const routing = await loadRouting(req.payload, req)
  const eventRouting = routing.forEvent(event.type)
  const planned: PlannedDelivery[] = []
  if (eventRouting.slack && routing.slackWebhookUrl) {
    planned.push({ key: `${event.id}:slack:${SLACK_SUPPORT_ROUTE}`, channel: 'slack', recipient: SLACK_SUPPORT_ROUTE })
  }

  const organization = extractIdOrNull(event.organization)
  const data = (event.data ?? {}) as { subjectUserId?: number | null }
  const subject = extractIdOrNull(data.subjectUserId)
  const recipientIds = new Set<number>()
  if (organization !== null && definition.recipients.length > 0) {
    const { docs } = await req.payload.find({
      collection: 'memberships',
      where: { organization: { equals: organization }, role: { in: [...definition.recipients] } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const membership of docs) recipientIds.add(Number(membership.user))
  }
  const actor = await actorUserOf(req, event)
  if (actor !== null) recipientIds.delete(actor)
  if (definition.notifySubject && subject !== null) recipientIds.add(subject)
  if (recipientIds.size === 0) return planned

  // One after the other: inside a transaction both would share one connection.
  const { docs: users } = await req.payload.find({ collection: 'users', where: { id: { in: [...recipientIds] } }, depth: 0, pagination: false, overrideAccess: true, req })
  const { docs: preferences } =
    organization === null
      ? { docs: [] }
      : await req.payload.find({
          collection: 'notification-preferences',
          where: { user: { in: [...recipientIds] }, organization: { equals: organization }, eventType: { equals: event.type } },
          depth: 0,
          pagination: false,
          overrideAccess: true,
          req,
        })
  const preference = (userId: number, channel: string) =>
    preferences.find((row) => Number(row.user) === userId && row.channel === channel)?.enabled
  for (const user of users) {
    for (const channel of CUSTOMER_CHANNELS) {
      if (!(preference(user.id, channel) ?? eventRouting.defaults[channel])) continue
      const recipient = channel === 'email' ? user.email : String(user.id)
      planned.push({ key: `${event.id}:${channel}:${user.id}`, channel, recipient, recipientUser: user.id })
    }
  }
  return planned
}

/** The customer who made the change, read from the event's audit row. */
async function actorUserOf(req: PayloadRequest, event: PortalEvent): Promise<number | null> {
  const auditId = extractIdOrNull(event.audit)
  if (auditId === null) return null
  const audit = await req.payload.findByID({ collection: 'portal-audit', id: auditId, depth: 0, overrideAccess: true, req, disableErrors: true })
  return extractIdOrNull(audit?.actorUser)
}
