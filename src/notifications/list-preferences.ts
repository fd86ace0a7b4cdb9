import type { Payload } from 'payload'

import type { Role } from '../access/roles'
import type { PortalUser } from '../auth/portal-session'
import { CUSTOMER_CHANNELS, type CustomerChannel, EVENT_CATALOG, type EventType, eventTypesFor } from './event-catalog'
import { loadRouting } from './load-routing'

export type PreferenceRow = { eventType: EventType; label: string; channels: Record<CustomerChannel, boolean> }

/** The preferences page's table: the events this role can receive, each channel as the member set it or as the default. */
export async function listPreferences(payload: Payload, { user, organizationId, role }: { user: PortalUser; organizationId: number; role: Role }): Promise<PreferenceRow[]> {
  const [routing, { docs }] = await Promise.all([
    loadRouting(payload),
    payload.find({
      collection: 'notification-preferences',
      where: { organization: { equals: organizationId } },
      depth: 0,
      pagination: false,
      user,
      overrideAccess: false,
    }),
  ])
  return eventTypesFor(role).map((eventType) => {
    const defaults = routing.forEvent(eventType).defaults
    const saved = (channel: CustomerChannel) => docs.find((row) => row.eventType === eventType && row.channel === channel)?.enabled
    return {
      eventType,
      label: EVENT_CATALOG[eventType].label,
      channels: Object.fromEntries(CUSTOMER_CHANNELS.map((channel) => [channel, saved(channel) ?? defaults[channel]])) as Record<CustomerChannel, boolean>,
    }
  })
}
