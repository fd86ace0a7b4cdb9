import type { Payload, PayloadRequest } from 'payload'

import { withTransaction } from '../lib/with-transaction'
import { enqueuePortalEvent } from '../notifications/enqueue-portal-event'
import type { EventType } from '../notifications/event-catalog'
import type { PortalAudit, PortalEvent } from '../payload-types'
import { actorLabel } from './actor'
import { PORTAL_CHANGE } from './portal-change-context'
import { type AuditEntry, recordAuditEntry } from './record-audit-entry'

export type PortalChange = Omit<AuditEntry, 'after'> & {
  /** The event to tell people about; omitted for changes nobody subscribes to (e.g. preferences). */
  event?: { type: EventType; data?: Record<string, unknown> }
}

export type AppliedChange = { entityId?: number | string | null; after?: unknown }

export type RecordedChange = AppliedChange & { audit: PortalAudit; event: PortalEvent | null }

/**
 * The one write path of the portal, inside the transaction `req` carries: applies the change, then
 * inserts its audit row and its outbox event (with the dispatch job), so all three commit or roll
 * back together. `apply` must pass the `req` it gets to every Local API call. Several changes in
 * one transaction (a transfer: two role changes) are several calls with the same `req`.
 */
export async function recordPortalChange(req: PayloadRequest, change: PortalChange, apply: (req: PayloadRequest) => Promise<AppliedChange>): Promise<RecordedChange> {
  const outer = req.context[PORTAL_CHANGE]
  req.context[PORTAL_CHANGE] = true
  try {
    const applied = await apply(req)
    const entityId = applied.entityId ?? change.entity.id
    const audit = await recordAuditEntry(req, { ...change, entity: { ...change.entity, id: entityId }, after: applied.after })
    const event = change.event
      ? await enqueuePortalEvent(req, { type: change.event.type, organization: change.organization, audit: audit.id, actorLabel: actorLabel(change.actor), data: change.event.data })
      : null
    return { ...applied, entityId, audit, event }
  } finally {
    req.context[PORTAL_CHANGE] = outer
  }
}

/** `recordPortalChange` in a transaction of its own, opened as the actor and committed on return. */
export async function commitPortalChange(payload: Payload, change: PortalChange, apply: (req: PayloadRequest) => Promise<AppliedChange>): Promise<RecordedChange> {
  const { user: actorUser, kind } = change.actor
  const user = actorUser ? ({ ...actorUser, collection: actorUser.collection ?? (kind === 'staff' ? 'staff' : 'users') } as PayloadRequest['user']) : undefined
  return withTransaction(payload, (req) => recordPortalChange(req, change, apply), { user })
}
