import type { Field, GlobalConfig } from 'payload'

import { flaggableScreens } from '../../scope.config'
import { staffOnly } from '../access/staff-only'
import { flagFieldName } from '../flags/load-portal-flags'

/** One group of fields per in-scope, flaggable screen: a screen outside the scope has no switch to turn on. */
const screenFlagFields: Field[] = flaggableScreens.map((screen) => ({
  name: flagFieldName(screen.id),
  label: screen.label,
  type: 'group',
  fields: [
    {
      name: 'mode',
      type: 'select',
      required: true,
      defaultValue: 'all',
      options: [
        { label: 'Off', value: 'off' },
        { label: 'On for all organizations', value: 'all' },
        { label: 'On for listed organizations', value: 'organizations' },
        { label: 'On for a percentage of organizations', value: 'percentage' },
      ],
    },
    {
      name: 'organizations',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      admin: { condition: (_data, sibling) => sibling?.mode === 'organizations' },
    },
    {
      name: 'percentage',
      type: 'number',
      min: 0,
      max: 100,
      admin: {
        condition: (_data, sibling) => sibling?.mode === 'percentage',
        description: 'Organizations are bucketed by a stable hash, so the same ones stay in as the percentage grows.',
      },
    },
  ],
}))

export const PortalFlags: GlobalConfig = {
  slug: 'portal-flags',
  label: 'Portal rollout',
  admin: { group: 'Settings', description: 'Roll each in-scope portal screen out: off, on for all, for listed organizations, or for a percentage.' },
  access: { read: staffOnly, update: staffOnly },
  fields: screenFlagFields,
}
