import { badRow, type RowOutcome, type Ticket } from '../ticket'
import { parseDurationMinutes, parseTimestamp, type DurationUnit } from '../parse-time'
import { FormatError, HeaderIndex } from './header-index'
import type { CsvRowReader } from './csv-format'

/** Where each ticket field lives in one export format: candidate column names, first present wins. */
export interface TicketColumnSpec {
  readonly id: readonly string[]
  readonly subject: readonly string[]
  readonly body: readonly string[]
  readonly created: readonly string[]
  readonly solved: readonly string[]
  readonly tags: readonly string[]
  readonly tagSeparator: RegExp
  readonly statedResolution?: { readonly columns: readonly string[]; readonly unit: DurationUnit }
  readonly handleTime?: { readonly columns: readonly string[]; readonly unit: DurationUnit }
}

/**
 * Builds the row reader shared by every CSV format. Checks, in order: field count,
 * id, text, creation date, then optional dates and durations; the first failure makes
 * the row bad with a reason naming the column.
 */
export function bindTicketColumns(header: readonly string[], spec: TicketColumnSpec, formatLabel: string): CsvRowReader {
  const index = new HeaderIndex(header)
  const required = (label: string, aliases: readonly string[]): number => {
    const position = index.find(aliases)
    if (position === -1) throw new FormatError(`${formatLabel}: no ${label} column (looked for ${aliases.map((a) => `"${a}"`).join(', ')})`)
    return position
  }
  const idColumn = required('id', spec.id)
  const createdColumn = required('created', spec.created)
  const subjectColumn = index.find(spec.subject)
  const bodyColumn = index.find(spec.body)
  if (subjectColumn === -1 && bodyColumn === -1) {
    throw new FormatError(`${formatLabel}: no text column (looked for ${[...spec.subject, ...spec.body].map((a) => `"${a}"`).join(', ')})`)
  }
  const solvedColumn = index.find(spec.solved)
  const tagsColumn = index.find(spec.tags)
  const resolutionColumn = spec.statedResolution ? index.find(spec.statedResolution.columns) : -1
  const handleColumn = spec.handleTime ? index.find(spec.handleTime.columns) : -1
  const fieldCount = header.length
  const usedColumns = [idColumn, createdColumn, subjectColumn, bodyColumn, solvedColumn, tagsColumn, resolutionColumn, handleColumn].filter((c) => c !== -1)

  const read = (fields: readonly string[], line: number): RowOutcome => {
    if (fields.length !== fieldCount) return badRow(line, `expected ${fieldCount} fields, found ${fields.length}`)
    const id = fields[idColumn]!.trim()
    if (id === '') return badRow(line, `empty ${header[idColumn]}`)
    const subject = subjectColumn === -1 ? '' : fields[subjectColumn]!
    const body = bodyColumn === -1 ? '' : fields[bodyColumn]!
    if (subject.trim() === '' && body.trim() === '') return badRow(line, 'no subject or body text')
    const created = parseTimestamp(fields[createdColumn]!)
    if (!created.ok) return badRow(line, `${header[createdColumn]}: ${created.error}`)
    if (created.value === null) return badRow(line, `empty ${header[createdColumn]}`)
    const solved = solvedColumn === -1 ? { ok: true as const, value: null } : parseTimestamp(fields[solvedColumn]!)
    if (!solved.ok) return badRow(line, `${header[solvedColumn]}: ${solved.error}`)
    const resolution = resolutionColumn === -1 ? { ok: true as const, value: null } : parseDurationMinutes(fields[resolutionColumn]!, spec.statedResolution!.unit)
    if (!resolution.ok) return badRow(line, `${header[resolutionColumn]}: ${resolution.error}`)
    const handle = handleColumn === -1 ? { ok: true as const, value: null } : parseDurationMinutes(fields[handleColumn]!, spec.handleTime!.unit)
    if (!handle.ok) return badRow(line, `${header[handleColumn]}: ${handle.error}`)
    const ticket: Ticket = {
      id,
      subject,
      body,
      createdAt: created.value,
      solvedAt: solved.value,
      statedResolutionHours: resolution.value === null ? null : resolution.value / 60,
      handleMinutes: handle.value,
      tags: tagsColumn === -1 ? [] : splitTags(fields[tagsColumn]!, spec.tagSeparator),
      line,
    }
    return { kind: 'ticket', ticket }
  }
  return { usedColumns, read }
}

function splitTags(raw: string, separator: RegExp): string[] {
  return raw.trim() === '' ? [] : raw.toLowerCase().split(separator).map((tag) => tag.trim()).filter((tag) => tag !== '')
}
