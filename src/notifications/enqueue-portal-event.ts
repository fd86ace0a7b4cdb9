import type { PayloadRequest } from 'payload'

import type { PortalEvent } from '../payload-types'
import type { EventType } from './event-catalog'

export type PortalEventInput = {
  type: EventType
  organization: number | null
  audit: number
  actorLabel: string
  /** What recipients need: `subjectUserId` (the person the change is about), `changes` (field → [from, to]) … */
  data?: Record<string, unknown>
}

/**
 * Writes the outbox row and queues its dispatch job with the caller's `req`: both commit with the
 * change or not at all, and no worker can see the job before the change is committed.
 */
export async function enqueuePortalEvent(req: PayloadRequest, input: PortalEventInput): Promise<PortalEvent> {
  const event = await req.payload.create({
    collection: 'portal-events',
    data: { type: input.type, organization: input.organization, audit: input.audit, actorLabel: input.actorLabel, data: input.data ?? {} },
    depth: 0,
    overrideAccess: true,
    req,
  })
  await req.payload.jobs.queue({ task: 'dispatch-portal-event', input: { eventId: event.id }, req })
  return event
}
