import type { CsvFormat } from './csv-format'
import { bindTicketColumns, type TicketColumnSpec } from './ticket-columns'

/**
 * Zendesk Admin Center → Reports → Export → CSV. The stock export has no description
 * column (subject only); exports from views or Explore often add "Description", which
 * is used when present.
 */
const columns: TicketColumnSpec = {
  id: ['Id'],
  subject: ['Subject'],
  body: ['Description'],
  created: ['Created at'],
  solved: ['Solved at'],
  tags: ['Tags'],
  tagSeparator: /\s+/,
  statedResolution: { columns: ['Full resolution time in minutes'], unit: 'minutes' },
}

export const zendeskCsv: CsvFormat = {
  id: 'zendesk-csv',
  label: 'Zendesk ticket export (CSV)',
  signature: ['id', 'requester', 'subject', 'created at', 'solved at'],
  bind: (header) => bindTicketColumns(header, columns, 'Zendesk CSV'),
}
