import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { scopedToOrganizations } from '../../access/organizations-allowing'
import { staffOnly } from '../../access/staff-only'
import { staffOnlyField } from '../../access/staff-only-field'
import { removeDependents } from '../../hooks/remove-dependents'
import { organizationBillingFields } from './fields/billing-fields'

/** The paying customer account. */
export const Organizations: CollectionConfig = {
  slug: 'organizations',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'billingMode', 'billingEmail'], group: 'Customers' },
  access: {
    create: staffOnly,
    read: scopedToOrganizations('org.read', 'id'),
    update: scopedToOrganizations('org.update', 'id'),
    delete: staffOnly,
  },
  hooks: {
    beforeDelete: [
      removeDependents([
        ['memberships', 'organization'],
        ['notification-preferences', 'organization'],
        ['notifications', 'organization'],
        ['invitations', 'organization'],
      ]),
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    // Mirrored from the Stripe customer like the billing fields: changed through /account/billing, never directly.
    { name: 'billingEmail', type: 'email', access: { update: nobody } },
    {
      name: 'billingMode',
      type: 'select',
      required: true,
      defaultValue: 'stripe',
      // A commercial decision (contract terms): staff set it, customers read it.
      access: { create: staffOnlyField, update: staffOnlyField },
      options: [
        { label: 'Stripe', value: 'stripe' },
        { label: 'Contract (invoiced offline)', value: 'contract' },
      ],
    },
    {
      name: 'stripeCustomerId',
      type: 'text',
      index: true,
      access: { update: staffOnlyField },
      admin: { position: 'sidebar' },
    },
    {
      // Set by staff from the plan; members plus pending invitations may not exceed it (src/team).
      name: 'seatLimit',
      type: 'number',
      min: 1,
      access: { update: staffOnlyField },
      admin: { position: 'sidebar', description: 'Members plus pending invitations. Empty: no limit.' },
    },
    ...organizationBillingFields,
    {
      name: 'requireTwoFactor',
      type: 'checkbox',
      defaultValue: false,
      // Owners change it in /account (matrix action org.require_two_factor); staff here.
      access: { update: staffOnlyField },
      admin: { position: 'sidebar', description: 'Members without two-factor sign-in are sent to set it up before the portal opens.' },
    },
    {
      // The organization's timeline, newest first, on its record: what support opens beside a ticket.
      name: 'activity',
      type: 'join',
      collection: 'portal-audit',
      on: 'organization',
      defaultSort: '-createdAt',
      defaultLimit: 25,
      access: { read: staffOnlyField },
      admin: {
        defaultColumns: ['createdAt', 'action', 'actorLabel', 'entityType', 'entityId'],
        description: 'Every change to this organization, newest first. The full, filterable log is under Audit → Audit log.',
      },
    },
  ],
}
