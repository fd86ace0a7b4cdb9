import type { CollectionConfig } from 'payload'

import { scopedToOrganizations } from '../../access/organizations-allowing'
import { ROLES, roleLabels } from '../../access/roles'
import { staffOnly } from '../../access/staff-only'
import { enforceMembershipRules } from './hooks/enforce-membership-rules'

/** user × organization × role. One row per person per organization. */
export const Memberships: CollectionConfig = {
  slug: 'memberships',
  admin: { defaultColumns: ['user', 'organization', 'role'], group: 'Customers' },
  indexes: [{ fields: ['user', 'organization'], unique: true }],
  access: {
    create: staffOnly,
    read: scopedToOrganizations('team.read'),
    update: scopedToOrganizations('team.change_role'),
    delete: scopedToOrganizations('team.remove'),
  },
  hooks: { beforeChange: [enforceMembershipRules.beforeChange], beforeDelete: [enforceMembershipRules.beforeDelete] },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, index: true },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'member',
      options: ROLES.map((role) => ({ label: roleLabels[role], value: role })),
    },
  ],
}
