import { skippedRow } from '../ticket'
import type { CsvRowReader } from './csv-format'

/**
 * Per-message exports hold one row per message; only a conversation's opening customer
 * message is a ticket. `skipReason` returns why a row is not one, or null to read it.
 * Rows with the wrong field count go straight to the reader, which reports them.
 */
export function withRowFilter(
  reader: CsvRowReader,
  fieldCount: number,
  filterColumns: readonly number[],
  skipReason: (fields: readonly string[]) => string | null,
): CsvRowReader {
  return {
    usedColumns: [...reader.usedColumns, ...filterColumns],
    read: (fields, line) => {
      if (fields.length !== fieldCount) return reader.read(fields, line)
      const reason = skipReason(fields)
      return reason === null ? reader.read(fields, line) : skippedRow(line, reason)
    },
  }
}
