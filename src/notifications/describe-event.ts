import type { PayloadRequest } from 'payload'

import { portalUrl } from '../lib/portal-url'
import type { PortalEvent } from '../payload-types'
import { EVENT_CATALOG, isEventType } from './event-catalog'

export type EventMessage = {
  title: string
  organizationName: string | null
  actor: string
  /** "role: member → admin", one per changed field. */
  changes: string[]
  /** The person the change is about, when there is one. */
  subject: string | null
  adminUrl: string
}

const show = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value))

/** What every channel says about an event: the same facts in Slack, email and the bell. */
export async function describeEvent(req: PayloadRequest, event: PortalEvent): Promise<EventMessage> {
  const data = (event.data ?? {}) as { subjectUserId?: number }
  const organizationId = typeof event.organization === 'object' ? event.organization?.id : event.organization
  // Sequential: `req` may hold a transaction, and a transaction is one connection.
  const organization = organizationId ? await req.payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, overrideAccess: true, req, disableErrors: true }) : null
  const subject = data.subjectUserId ? await req.payload.findByID({ collection: 'users', id: data.subjectUserId, depth: 0, overrideAccess: true, req, disableErrors: true }) : null
  return eventMessage(event, organization?.name ?? null, subject)
}

/** describeEvent from what was already read (a dispatch batch's facts): no statement of its own. */
export function eventMessage(event: PortalEvent, organizationName: string | null, subject: { name?: string | null; email: string } | null | undefined): EventMessage {
  const title = isEventType(event.type) ? EVENT_CATALOG[event.type].label : event.type
  const data = (event.data ?? {}) as { changes?: Record<string, [unknown, unknown]> }
  const auditId = typeof event.audit === 'object' ? event.audit?.id : event.audit
  return {
    title,
    organizationName,
    actor: event.actorLabel ?? 'system',
    changes: Object.entries(data.changes ?? {}).map(([field, [from, to]]) => `${field}: ${show(from)} → ${show(to)}`),
    subject: subject ? subject.name || subject.email : null,
    adminUrl: portalUrl(auditId ? `/admin/collections/portal-audit/${auditId}` : `/admin/collections/portal-events/${event.id}`),
  }
}

/** The plain-text body shared by email and the in-app notification. */
export function messageText(message: EventMessage): string {
  return [
    message.organizationName ? `${message.title} in ${message.organizationName}.` : `${message.title}.`,
    `By: ${message.actor}`,
    ...(message.subject ? [`About: ${message.subject}`] : []),
    ...message.changes,
  ].join('\n')
}
