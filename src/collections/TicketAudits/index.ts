import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { staffOnly } from '../../access/staff-only'
import { parseTicketAuditUpload } from './hooks/parse-ticket-audit-upload'

/** Quarterly support-inbox audits uploaded by staff; the /admin dashboard charts them. */
export const TicketAudits: CollectionConfig = {
  slug: 'ticket-audits',
  labels: { singular: 'Ticket audit', plural: 'Ticket audits' },
  admin: {
    group: 'Support insights',
    useAsTitle: 'label',
    defaultColumns: ['label', 'periodEnd', 'tickets', 'absorbableShare', 'activeCustomers'],
    description: 'Upload the audit-summary.json written by `npm run audit:tickets` for each quarter.',
  },
  access: { create: staffOnly, read: staffOnly, update: staffOnly, delete: staffOnly },
  upload: {
    staticDir: path.resolve(process.cwd(), '.data/ticket-audits'),
    mimeTypes: ['application/json', 'text/plain'],
  },
  hooks: { beforeChange: [parseTicketAuditUpload] },
  fields: [
    { name: 'label', type: 'text', required: true, maxLength: 60, admin: { description: 'E.g. "2026 Q3".' } },
    {
      name: 'activeCustomers',
      type: 'number',
      required: true,
      min: 1,
      admin: { description: 'Paying organizations during the period: rates are per 1,000 of them, so growth does not hide deflection.' },
    },
    { name: 'periodEnd', type: 'date', index: true, admin: { readOnly: true } },
    { name: 'tickets', type: 'number', admin: { readOnly: true } },
    { name: 'absorbableShare', type: 'number', admin: { readOnly: true } },
    { name: 'summary', type: 'json', admin: { hidden: true } },
  ],
}
