import type { CsvFormat } from './csv-format'
import { bindTicketColumns, type TicketColumnSpec } from './ticket-columns'

/** Help Scout conversations export (CSV): one row per conversation; "Preview" is the opening text. */
const columns: TicketColumnSpec = {
  id: ['Conversation ID', 'Number'],
  subject: ['Subject'],
  body: ['Preview', 'Body'],
  created: ['Created At'],
  solved: ['Closed At'],
  tags: ['Tags'],
  tagSeparator: /,/,
}

export const helpScoutCsv: CsvFormat = {
  id: 'helpscout-csv',
  label: 'Help Scout conversations export (CSV)',
  signature: ['conversation id', 'number', 'mailbox', 'created at'],
  bind: (header) => bindTicketColumns(header, columns, 'Help Scout CSV'),
}
