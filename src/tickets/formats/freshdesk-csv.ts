import type { CsvFormat } from './csv-format'
import { bindTicketColumns, type TicketColumnSpec } from './ticket-columns'

/** Freshdesk Tickets → Export (CSV). "Time tracked" is the agents' logged time (hh:mm). */
const columns: TicketColumnSpec = {
  id: ['Ticket ID'],
  subject: ['Subject'],
  body: ['Description'],
  created: ['Created time'],
  solved: ['Resolved time', 'Closed time'],
  tags: ['Tags'],
  tagSeparator: /,/,
  statedResolution: { columns: ['Resolution time (in hrs)'], unit: 'hours' },
  handleTime: { columns: ['Time tracked'], unit: 'hours' },
}

export const freshdeskCsv: CsvFormat = {
  id: 'freshdesk-csv',
  label: 'Freshdesk ticket export (CSV)',
  signature: ['ticket id', 'subject', 'created time', 'resolved time'],
  bind: (header) => bindTicketColumns(header, columns, 'Freshdesk CSV'),
}
