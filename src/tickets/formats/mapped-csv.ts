import type { CsvFormat } from './csv-format'
import { FormatError, HeaderIndex } from './header-index'
import { bindTicketColumns } from './ticket-columns'

/** Ticket fields that `--map` can point at a column; resolution is in hours, handle time in minutes. */
const MAPPABLE_FIELDS = ['id', 'subject', 'body', 'created', 'solved', 'tags', 'resolution', 'handle'] as const
type MappableField = (typeof MAPPABLE_FIELDS)[number]
export type ColumnMap = Partial<Record<MappableField, string>>

/** Parses `id=Ticket #,subject=Title,body=Text,created=Opened,solved=Closed`. */
export function parseColumnMap(spec: string): ColumnMap {
  const map: ColumnMap = {}
  for (const pair of spec.split(',')) {
    if (pair.trim() === '') continue
    const equals = pair.indexOf('=')
    const field = pair.slice(0, equals).trim() as MappableField
    const column = pair.slice(equals + 1).trim()
    if (equals === -1 || column === '') throw new FormatError(`--map: "${pair}" is not field=column`)
    if (!MAPPABLE_FIELDS.includes(field)) throw new FormatError(`--map: unknown field "${field}" (known: ${MAPPABLE_FIELDS.join(', ')})`)
    map[field] = column
  }
  if (!map.id || !map.created || (!map.subject && !map.body)) {
    throw new FormatError('--map needs id=, created= and at least one of subject= or body=')
  }
  return map
}

/** Any CSV, read through an explicit `--map`. */
export function mappedCsv(map: ColumnMap): CsvFormat {
  const only = (column: string | undefined): string[] => (column === undefined ? [] : [column])
  return {
    id: 'mapped',
    label: 'CSV with --map',
    signature: [],
    bind: (header) => {
      const index = new HeaderIndex(header)
      const missing = Object.values(map).filter((column) => !index.has(column))
      if (missing.length > 0) throw new FormatError(`--map: no column ${missing.map((c) => `"${c}"`).join(', ')} in the header`)
      return bindTicketColumns(
        header,
        {
          id: only(map.id),
          subject: only(map.subject),
          body: only(map.body),
          created: only(map.created),
          solved: only(map.solved),
          tags: only(map.tags),
          tagSeparator: /[,;]/,
          statedResolution: { columns: only(map.resolution), unit: 'hours' },
          handleTime: { columns: only(map.handle), unit: 'minutes' },
        },
        '--map',
      )
    },
  }
}
