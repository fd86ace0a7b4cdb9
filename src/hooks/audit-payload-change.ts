import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { actorFromRequest, actorLabel } from '../audit/actor'
import type { AuditAction } from '../audit/audit-actions'
import { PORTAL_CHANGE } from '../audit/portal-change-context'
import { changedFields } from '../audit/changed-fields'
import { recordAuditEntry } from '../audit/record-audit-entry'
import { extractIdOrNull, type RelationshipValue } from '../lib/extract-id'
import { enqueuePortalEvent } from '../notifications/enqueue-portal-event'
import type { EventType } from '../notifications/event-catalog'

/** A document as Payload's hooks pass it: ids are numbers (PostgreSQL serials), relationships possibly populated. */
type Doc = Record<string, unknown> & { id?: number; organization?: RelationshipValue<number> | null; user?: RelationshipValue<number> | null }

type Described = { action: AuditAction; organization: number | null; event?: { type: EventType; data: Record<string, unknown> } }

/**
 * Names a write that reached Payload directly and picks the portal event it implies, so a role
 * changed by staff in /admin notifies the organization exactly like one changed in the portal.
 */
function describe(slug: string, operation: 'create' | 'update' | 'delete', before: Doc | null, after: Doc | null): Described {
  const doc = after ?? before ?? {}
  const changes = changedFields(before, after)
  const verb = ({ create: 'created', update: 'updated', delete: 'deleted' } as const)[operation]
  if (slug === 'memberships') {
    const organization = extractIdOrNull(doc.organization)
    const data = { subjectUserId: extractIdOrNull(doc.user), changes }
    if (operation === 'update' && 'role' in changes) return { action: 'member.role_changed', organization, event: { type: 'member.role_changed', data } }
    if (operation === 'delete') return { action: 'member.removed', organization, event: { type: 'member.removed', data } }
    return { action: `membership.${verb}`, organization }
  }
  if (slug === 'organizations') {
    // A deleted organization can't be referenced any more; the row keeps its id as the entity.
    const organization = operation === 'delete' ? null : (doc.id ?? null)
    if (operation === 'update' && 'billingEmail' in changes) {
      return { action: 'organization.billing_email_changed', organization, event: { type: 'organization.billing_email_changed', data: { changes } } }
    }
    return { action: `organization.${verb}`, organization }
  }
  return { action: `${slug.replace(/-/g, '_')}.${verb}`, organization: 'organization' in doc ? extractIdOrNull(doc.organization) : null }
}

async function record(req: PayloadRequest, slug: string, operation: 'create' | 'update' | 'delete', before: Doc | null, after: Doc | null) {
  if (req.context[PORTAL_CHANGE]) return
  if (operation === 'update' && Object.keys(changedFields(before, after)).length === 0) return
  const described = describe(slug, operation, before, after)
  const actor = actorFromRequest(req)
  const audit = await recordAuditEntry(req, {
    actor,
    organization: described.organization,
    entity: { type: slug, id: (after ?? before)?.id },
    action: described.action,
    before,
    after,
  })
  if (described.event) {
    await enqueuePortalEvent(req, { ...described.event, organization: described.organization, audit: audit.id, actorLabel: actorLabel(actor) })
  }
}

/**
 * afterChange/afterDelete for collections written through Payload itself (admin, REST, GraphQL,
 * Local API). They run inside the operation's transaction, so the audit row commits with the write.
 */
export const auditCollection = {
  afterChange: (async ({ req, collection, operation, doc, previousDoc }) => {
    await record(req, collection.slug, operation, operation === 'update' ? previousDoc : null, doc)
    return doc
  }) satisfies CollectionAfterChangeHook,
  afterDelete: (async ({ req, collection, doc }) => {
    await record(req, collection.slug, 'delete', doc, null)
    return doc
  }) satisfies CollectionAfterDeleteHook,
}

/** The same for globals (rollout flags, notification routing): staff configuration changes are audited too. */
export const auditGlobal: GlobalAfterChangeHook = async ({ req, global, doc, previousDoc }) => {
  await record(req, global.slug, 'update', previousDoc, doc)
  return doc
}
