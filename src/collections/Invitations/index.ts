import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { ROLES, roleLabels } from '../../access/roles'
import { pendingInReadableOrganizations } from './access/pending-in-readable-organizations'

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked'] as const
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]

/**
 * An invitation to join an organization. Only the sha256 of its token is stored, and no API ever
 * returns even that. Every write goes through src/team (permission, lock, audit, event), so no
 * API may write here — staff included. "Expired" is not a status: it is `expiresAt` in the past.
 */
export const Invitations: CollectionConfig = {
  slug: 'invitations',
  admin: { group: 'Customers', useAsTitle: 'email', defaultColumns: ['email', 'organization', 'role', 'status', 'expiresAt'] },
  defaultSort: '-createdAt',
  access: { read: pendingInReadableOrganizations, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, index: true },
    { name: 'email', type: 'email', required: true, index: true, admin: { description: 'Stored lowercased.' } },
    { name: 'role', type: 'select', required: true, options: ROLES.map((role) => ({ label: roleLabels[role], value: role })) },
    {
      name: 'tokenHash',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      access: { read: nobody, update: nobody },
      admin: { hidden: true },
    },
    { name: 'expiresAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'invitedBy', type: 'relationship', relationTo: 'users' },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: INVITATION_STATUSES.map((status) => ({ label: status, value: status })),
    },
    { name: 'lastSentAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'acceptedBy', type: 'relationship', relationTo: 'users' },
    { name: 'acceptedAt', type: 'date' },
    { name: 'revokedAt', type: 'date' },
  ],
}
