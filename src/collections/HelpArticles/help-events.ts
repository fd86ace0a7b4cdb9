import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { staffOnly } from '../../access/staff-only'
import { HELP_EVENT_KINDS } from '../../help/help-event-kinds'

/**
 * One row per thing a customer did in the Help drawer (src/help/record-help-event.ts writes them):
 * what the deflection figures in /admin → Help articles are counted from. Hidden from the admin
 * nav; staff see the totals, not the clicks.
 */
export const HelpEvents: CollectionConfig = {
  slug: 'help-events',
  admin: { hidden: true, group: 'Support' },
  access: { read: staffOnly, create: nobody, update: nobody, delete: staffOnly },
  fields: [
    { name: 'kind', type: 'select', required: true, options: HELP_EVENT_KINDS.map((kind) => ({ label: kind, value: kind })) },
    { name: 'article', type: 'relationship', relationTo: 'help-articles', index: true },
    { name: 'screen', type: 'text', required: true, index: true },
    { name: 'path', type: 'text', required: true },
    { name: 'helpful', type: 'checkbox' },
    { name: 'reason', type: 'textarea' },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', index: true },
  ],
}
