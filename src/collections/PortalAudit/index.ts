import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { readActivity } from './access/read-activity'
import { refuseChanges } from './hooks/refuse-changes'

export const ACTOR_KINDS = ['customer', 'staff', 'system', 'stripe'] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]

/** The audit trail: one row per change, written in the same transaction as the change. Append-only. */
export const PortalAudit: CollectionConfig = {
  slug: 'portal-audit',
  labels: { singular: 'Audit entry', plural: 'Audit log' },
  admin: {
    group: 'Audit',
    useAsTitle: 'action',
    defaultColumns: ['createdAt', 'action', 'organization', 'actorLabel', 'entityType', 'entityId'],
    listSearchableFields: ['action', 'actorLabel', 'entityId', 'requestId'],
    description: 'Every change made through the portal, the admin panel or the API. Filter by organization, actor, action or date.',
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  // The activity timeline's indexes — (organization, created_at desc, id desc) and the same with
  // actor_user_id for the "by member" filter — are created in the issue-3 migration: Payload's
  // compound `indexes` can't include `id`, and keyset pagination needs it as the tie-breaker.
  access: { read: readActivity, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeChange: [refuseChanges.beforeChange], beforeDelete: [refuseChanges.beforeDelete] },
  fields: [
    { name: 'action', type: 'text', required: true, index: true, admin: { description: '"resource.verb", e.g. member.role_changed' } },
    {
      name: 'actorKind',
      type: 'select',
      required: true,
      options: ACTOR_KINDS.map((kind) => ({ label: kind, value: kind })),
    },
    { name: 'actorUser', type: 'relationship', relationTo: 'users' },
    { name: 'actorStaff', type: 'relationship', relationTo: 'staff' },
    { name: 'actorLabel', type: 'text', admin: { description: 'Who acted, as it read at the time (survives the account being deleted).' } },
    { name: 'organization', type: 'relationship', relationTo: 'organizations' },
    { name: 'entityType', type: 'text', required: true },
    { name: 'entityId', type: 'text' },
    { name: 'changes', type: 'ui', admin: { components: { Field: '/src/components/admin/AuditChanges#AuditChanges' } } },
    // Rendered as text by jsonFieldsAsText (payload.config), like every JSON field.
    { name: 'before', type: 'json' },
    { name: 'after', type: 'json' },
    {
      type: 'collapsible',
      label: 'Request',
      fields: [
        { name: 'ip', type: 'text' },
        { name: 'userAgent', type: 'text' },
        { name: 'requestId', type: 'text', index: true },
      ],
    },
  ],
}
