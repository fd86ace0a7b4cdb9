import type { CollectionConfig } from 'payload'

import { scopedToOrganizations } from '../../access/organizations-allowing'
import { staffOnly } from '../../access/staff-only'
import { staffOnlyField } from '../../access/staff-only-field'
import { removeDependents } from '../../hooks/remove-dependents'
import { organizationBillingFields } from './fields/billing-fields'
import { pushBillingContact } from './hooks/push-billing-contact'

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
    beforeChange: [pushBillingContact],
    beforeDelete: [
      removeDependents([
        ['memberships', 'organization'],
        ['notification-preferences', 'organization'],
        ['notifications', 'organization'],
        ['invitations', 'organization'],
        ['api-key-records', 'organization'],
      ]),
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200 },
    // Mirrored from the Stripe customer like the billing fields: customers change it through /account/billing;
    // staff may correct it here, and the save goes to Stripe first (hooks/push-billing-contact.ts).
    { name: 'billingEmail', type: 'email', access: { update: staffOnlyField } },
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
      // What a contract customer sees on Billing instead of self-serve controls; staff keep it current.
      name: 'contract',
      type: 'group',
      access: { create: staffOnlyField, update: staffOnlyField },
      admin: { condition: (data) => data?.billingMode === 'contract' },
      fields: [
        { name: 'terms', type: 'textarea', admin: { description: 'Plain words the customer reads, e.g. "Enterprise, 250 seats, invoiced annually, net 30".' } },
        { name: 'renewsOn', type: 'date' },
        { name: 'accountManagerName', type: 'text' },
        { name: 'accountManagerEmail', type: 'email' },
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
      // The owner's cap on API key lifetimes (src/api-keys/set-api-key-policy.ts); staff here.
      name: 'apiKeyMaxLifetimeDays',
      type: 'number',
      min: 1,
      max: 3650,
      access: { update: staffOnlyField },
      admin: { position: 'sidebar', description: 'Longest lifetime of a new API key, in days. Empty: keys may never expire.' },
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
