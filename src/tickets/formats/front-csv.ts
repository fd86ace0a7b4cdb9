import type { CsvFormat } from './csv-format'
import { HeaderIndex } from './header-index'
import { withRowFilter } from './row-filter'
import { bindTicketColumns, type TicketColumnSpec } from './ticket-columns'

/**
 * Front analytics export of messages (CSV, one row per message). A ticket is an inbound
 * message that starts a conversation ("New Conversation" true when the column exists);
 * outbound replies and follow-ups are skipped (and counted). "Handle time" is in seconds.
 */
const columns: TicketColumnSpec = {
  id: ['Conversation ID'],
  subject: ['Subject'],
  body: ['Extract'],
  created: ['Message date'],
  solved: ['Segment end'],
  tags: ['Tags'],
  tagSeparator: /,/,
  handleTime: { columns: ['Handle time'], unit: 'seconds' },
}

const TRUE_VALUES = new Set(['true', 'yes', '1'])

export const frontCsv: CsvFormat = {
  id: 'front-csv',
  label: 'Front messages export (CSV)',
  signature: ['message id', 'conversation id', 'direction', 'extract'],
  bind: (header) => {
    const reader = bindTicketColumns(header, columns, 'Front CSV')
    const index = new HeaderIndex(header)
    const directionColumn = index.find(['Direction'])
    const newConversationColumn = index.find(['New Conversation'])
    return withRowFilter(reader, header.length, [directionColumn, newConversationColumn].filter((c) => c !== -1), (fields) => {
      const direction = fields[directionColumn]!.trim().toLowerCase()
      if (direction !== 'inbound') return `${direction || 'blank'} message, not a customer's`
      if (newConversationColumn !== -1 && !TRUE_VALUES.has(fields[newConversationColumn]!.trim().toLowerCase())) {
        return 'follow-up message in an existing conversation'
      }
      return null
    })
  },
}
