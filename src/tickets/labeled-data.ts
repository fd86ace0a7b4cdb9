import { createReadStream } from 'node:fs'
import { CsvParser } from './csv/csv-parser'
import { FormatError, HeaderIndex } from './formats/header-index'
import { detectCsvFormat } from './formats/detect-format'
import { streamTickets } from './read-tickets'
import { taggingText } from './tagging/batch'
import type { Taxonomy } from './taxonomy'

export interface LabeledExamples {
  readonly texts: string[]
  readonly labels: string[]
  /** Rows that could not be used, with line numbers. */
  readonly problems: string[]
}

export interface LabeledColumns {
  readonly textColumn: string
  readonly labelColumn: string
}

export const DEFAULT_LABELED_COLUMNS: LabeledColumns = { textColumn: 'text', labelColumn: 'label' }

/**
 * Reads a labeled sample: a CSV with a text and a label column, or, when it has no such
 * columns but is a help-desk export, the export's tickets labeled by their help-desk tags
 * (a tag equal to a reason id or listed in a reason's `helpdeskTags`).
 */
export async function readLabeledExamples(path: string, columns: LabeledColumns, taxonomy: Taxonomy | null): Promise<LabeledExamples> {
  const header = await readHeader(path)
  const index = new HeaderIndex(header)
  if (index.has(columns.textColumn) && index.has(columns.labelColumn)) return readLabeledCsv(path, columns)
  if (taxonomy !== null && detectCsvFormat(header) !== null) return readTaggedExport(path, taxonomy)
  throw new FormatError(
    `${path}: no "${columns.textColumn}" and "${columns.labelColumn}" columns (header: ${header.map((h) => `"${h}"`).join(', ')}); use --text-column/--label-column`,
  )
}

async function readHeader(path: string): Promise<string[]> {
  let header: string[] | null = null
  const parser = new CsvParser({ record: (fields) => (header ??= fields), malformed: () => undefined })
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 }) as AsyncIterable<string>) {
    parser.push(chunk)
    if (header !== null) return header
  }
  parser.end()
  if (header === null) throw new FormatError(`${path} is empty`)
  return header
}

async function readLabeledCsv(path: string, columns: LabeledColumns): Promise<LabeledExamples> {
  const result: LabeledExamples = { texts: [], labels: [], problems: [] }
  let textColumn = -1
  let labelColumn = -1
  const parser = new CsvParser({
    record: (fields, line) => {
      if (textColumn === -1) {
        const index = new HeaderIndex(fields)
        textColumn = index.find([columns.textColumn])
        labelColumn = index.find([columns.labelColumn])
        return
      }
      const text = fields[textColumn]?.trim() ?? ''
      const label = fields[labelColumn]?.trim() ?? ''
      if (text === '' || label === '') {
        result.problems.push(`line ${line}: empty text or label`)
        return
      }
      result.texts.push(text)
      result.labels.push(label)
    },
    malformed: (line, reason) => result.problems.push(`line ${line}: ${reason}`),
  })
  for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) parser.push(chunk)
  parser.end()
  return result
}

async function readTaggedExport(path: string, taxonomy: Taxonomy): Promise<LabeledExamples> {
  const reasonOfTag = new Map<string, string>()
  for (const reason of taxonomy.reasons) for (const tag of [reason.id, ...reason.helpdeskTags]) reasonOfTag.set(tag.toLowerCase(), reason.id)
  const result: LabeledExamples = { texts: [], labels: [], problems: [] }
  await streamTickets(path, { format: 'auto' }, {
    row: (outcome) => {
      if (outcome.kind === 'bad') result.problems.push(`line ${outcome.line}: ${outcome.reason}`)
      if (outcome.kind !== 'ticket') return
      const reasons = new Set(outcome.ticket.tags.map((tag) => reasonOfTag.get(tag)).filter((reason) => reason !== undefined))
      // Untagged or ambiguously tagged tickets teach nothing reliable.
      if (reasons.size !== 1) return
      result.texts.push(taggingText(outcome.ticket.subject, outcome.ticket.body))
      result.labels.push([...reasons][0]!)
    },
    chunkDone: () => undefined,
  })
  return result
}
