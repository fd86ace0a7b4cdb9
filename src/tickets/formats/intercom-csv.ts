import type { CsvFormat } from './csv-format'
import { HeaderIndex } from './header-index'
import { withRowFilter } from './row-filter'
import { bindTicketColumns, type TicketColumnSpec } from './ticket-columns'

/**
 * Intercom conversations export (CSV, one row per message, snake_case columns). The
 * conversation's opening message has message_type "conversation_message"; replies,
 * notes and assignments are skipped (and counted).
 */
const columns: TicketColumnSpec = {
  id: ['conversation_id'],
  subject: ['conversation_title', 'subject'],
  body: ['message_body'],
  created: ['conversation_created_at'],
  solved: ['conversation_closed_at'],
  tags: ['conversation_tags'],
  tagSeparator: /,/,
}

const OPENING_MESSAGE_TYPE = 'conversation_message'

export const intercomCsv: CsvFormat = {
  id: 'intercom-csv',
  label: 'Intercom conversations export (CSV)',
  signature: ['conversation id', 'message body', 'conversation created at'],
  bind: (header) => {
    const reader = bindTicketColumns(header, columns, 'Intercom CSV')
    const typeColumn = new HeaderIndex(header).find(['message_type'])
    if (typeColumn === -1) return reader
    return withRowFilter(reader, header.length, [typeColumn], (fields) => {
      const type = fields[typeColumn]!.trim()
      return type === OPENING_MESSAGE_TYPE ? null : `message_type "${type}" is not a conversation's opening message`
    })
  },
}
