import type { Payload, PayloadRequest } from 'payload'

import { enqueuePortalEvent } from '../notifications/enqueue-portal-event'
import type { EventType } from '../notifications/event-catalog'
import type { PortalAudit, PortalEvent } from '../payload-types'
import { withTransaction } from '../lib/with-transaction'
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
 * The one write path of the portal: applies the change, inserts its audit row and its outbox
 * event (with the dispatch job) in ONE transaction. `apply` must pass the `req` it gets to every
 * Local API call. Pass `options.req` to join a larger transaction (several changes, one commit).
 */
export async function recordPortalChange(
  payload: Payload,
  change: PortalChange,
  apply: (req: PayloadRequest) => Promise<AppliedChange>,
  options: { req?: PayloadRequest } = {},
): Promise<RecordedChange> {
  const run = async (req: PayloadRequest): Promise<RecordedChange> => {
    const outer = req.context[PORTAL_CHANGE]
    req.context[PORTAL_CHANGE] = true
    try {
      const applied = await apply(req)
      const entityId = applied.entityId ?? change.entity.id
      const audit = await recordAuditEntry(req, { ...change, entity: { ...change.entity, id: entityId }, after: applied.after })
      const event = change.event
        ? await enqueuePortalEvent(req, {
            type: change.event.type,
            organization: change.organization,
            audit: audit.id,
            actorLabel: actorLabel(change.actor),
            data: change.event.data,
          })
        : null
      return { ...applied, entityId, audit, event }
    } finally {
      req.context[PORTAL_CHANGE] = outer
    }
  }
  if (options.req) return run(options.req)
  const user = change.actor.user ? ({ ...change.actor.user, collection: change.actor.user.collection ?? (change.actor.kind === 'staff' ? 'staff' : 'users') } as PayloadRequest['user']) : undefined
  return withTransaction(payload, run, { user })
}
