import path from 'node:path'
import { streamTickets, type TicketSourceOptions } from '../../src/tickets/read-tickets'
import type { RowOutcome, Ticket } from '../../src/tickets/ticket'

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..')
export const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/tickets')
/** Public labeled samples (Bitext CDLA-Sharing-1.0, BANKING77 CC-BY-4.0; licences beside them). */
export const LABELED_TICKETS = path.join(REPO_ROOT, 'tests/fixtures/labeled-tickets')

export function fixture(name: string): string {
  return path.join(FIXTURES, name)
}

export interface ReadResult {
  readonly format: string
  readonly tickets: Ticket[]
  readonly bad: { line: number; reason: string }[]
  readonly skipped: { line: number; reason: string }[]
}

/** Reads a whole export through the streaming reader and sorts the outcomes by kind. */
export async function readAll(file: string, options: TicketSourceOptions = { format: 'auto' }): Promise<ReadResult> {
  const outcomes: RowOutcome[] = []
  const format = await streamTickets(file, options, { row: (outcome) => outcomes.push(outcome), chunkDone: () => undefined })
  return {
    format: format.id,
    tickets: outcomes.flatMap((o) => (o.kind === 'ticket' ? [o.ticket] : [])),
    bad: outcomes.flatMap((o) => (o.kind === 'bad' ? [{ line: o.line, reason: o.reason }] : [])),
    skipped: outcomes.flatMap((o) => (o.kind === 'skipped' ? [{ line: o.line, reason: o.reason }] : [])),
  }
}

export function utc(text: string): number {
  return Date.parse(text.endsWith('Z') ? text : `${text}Z`)
}
