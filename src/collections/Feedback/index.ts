import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { staffOnly } from '../../access/staff-only'
import { FEEDBACK_STATUSES, FEEDBACK_TYPES } from '../../feedback/feedback-types'
import { screenshotEndpoint } from './endpoints/screenshot'
import { announceShipped } from './hooks/announce-shipped'

/**
 * What customers told the product team through the portal's Feedback form, with the context the
 * page attached. Created only by POST /api/feedback (as the customer, audited); staff read it here
 * and see where it went in Linear. The slug isn't `feedback`: POST /api/feedback is the portal's
 * route, and Next would route Payload's REST path for the collection there too.
 */
export const Feedback: CollectionConfig = {
  slug: 'customer-feedback',
  labels: { singular: 'Feedback', plural: 'Feedback' },
  admin: {
    group: 'Support',
    useAsTitle: 'message',
    defaultColumns: ['createdAt', 'type', 'section', 'message', 'status', 'linearIssueUrl'],
    description: 'From the portal’s Feedback button. "Not forwarded" means LINEAR_API_KEY is unset or Linear refused it (see the error).',
  },
  defaultSort: '-createdAt',
  access: { read: staffOnly, update: staffOnly, create: nobody, delete: staffOnly },
  hooks: { afterChange: [announceShipped] },
  endpoints: [screenshotEndpoint],
  fields: [
    { name: 'type', type: 'select', required: true, options: FEEDBACK_TYPES.map((type) => ({ label: type, value: type })), admin: { readOnly: true } },
    { name: 'section', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'message', type: 'textarea', required: true, admin: { readOnly: true } },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, admin: { readOnly: true } },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', index: true, admin: { readOnly: true } },
    {
      name: 'context',
      type: 'group',
      admin: { description: 'Attached by the page, not typed by the customer.' },
      fields: [
        { name: 'page', type: 'text', admin: { readOnly: true } },
        { name: 'browser', type: 'text', admin: { readOnly: true } },
        { name: 'plan', type: 'text', admin: { readOnly: true } },
        { name: 'lastError', type: 'text', admin: { readOnly: true } },
      ],
    },
    { name: 'status', type: 'select', required: true, defaultValue: 'new', options: FEEDBACK_STATUSES.map((status) => ({ label: status, value: status })), admin: { position: 'sidebar' } },
    { name: 'linearIssueId', type: 'text', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'linearIssueUrl', type: 'text', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'forwardError', type: 'textarea', admin: { readOnly: true } },
    { name: 'screenshot', type: 'text', admin: { readOnly: true, description: 'The image the customer attached, if any: open this address (staff only).' } },
  ],
}
