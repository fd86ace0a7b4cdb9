import type { RowOutcome } from '../ticket'

export interface CsvRowReader {
  /** Columns the reader looks at; the parser can leave the others unsliced (wide exports). */
  readonly usedColumns: readonly number[]
  read(fields: readonly string[], line: number): RowOutcome
}

export interface CsvFormat {
  readonly id: string
  readonly label: string
  /** Column names (normalized) that identify this export; all must be present for auto-detection. */
  readonly signature: readonly string[]
  /** Prepares a row reader for this header; throws FormatError when required columns are missing. */
  bind(header: readonly string[]): CsvRowReader
}
