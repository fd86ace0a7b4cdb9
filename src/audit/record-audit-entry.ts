import type { PayloadRequest } from 'payload'

import type { PortalAudit } from '../payload-types'
import { type AuditActor, actorLabel } from './actor'
import type { AuditAction } from './audit-actions'
import { redactSecrets } from './redact-secrets'

export type AuditEntry = {
  actor: AuditActor
  organization: number | null
  entity: { type: string; id?: number | string | null }
  action: AuditAction
  before?: unknown
  after?: unknown
}

/**
 * Inserts one audit row with the caller's `req`, so it commits or rolls back with the change.
 * Customers can't create audit rows through any API, hence overrideAccess here.
 */
export async function recordAuditEntry(req: PayloadRequest, entry: AuditEntry): Promise<PortalAudit> {
  const { actor } = entry
  return req.payload.create({
    collection: 'portal-audit',
    data: {
      action: entry.action,
      actorKind: actor.kind,
      actorUser: actor.kind === 'customer' && actor.user ? actor.user.id : null,
      actorStaff: actor.kind === 'staff' && actor.user ? actor.user.id : null,
      actorLabel: actorLabel(actor),
      organization: entry.organization,
      entityType: entry.entity.type,
      entityId: entry.entity.id == null ? null : String(entry.entity.id),
      before: entry.before === undefined ? null : (redactSecrets(entry.before) as PortalAudit['before']),
      after: entry.after === undefined ? null : (redactSecrets(entry.after) as PortalAudit['after']),
      ip: actor.ip ?? null,
      userAgent: actor.userAgent ?? null,
      requestId: actor.requestId ?? null,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
