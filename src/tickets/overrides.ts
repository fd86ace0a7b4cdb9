import { readFile } from 'node:fs/promises'
import { CsvParser } from './csv/csv-parser'
import { HeaderIndex } from './formats/header-index'

/**
 * Manual corrections, kept in a CSV (`ticket_id,reason[,note]`) beside the audit so they
 * survive re-runs: a corrected ticket always gets the corrected reason, confidence 1.
 * Problems are collected (with line numbers) rather than thrown one at a time, so a
 * reviewer can fix the whole file in one go.
 */
export interface Overrides {
  readonly reasonByTicket: ReadonlyMap<string, string>
  readonly problems: readonly string[]
}

export async function readOverrides(path: string, knownReasons: ReadonlySet<string>): Promise<Overrides> {
  const reasonByTicket = new Map<string, string>()
  const problems: string[] = []
  let idColumn = -1
  let reasonColumn = -1
  const parser = new CsvParser({
    record: (fields, line) => {
      if (idColumn === -1) {
        const header = new HeaderIndex(fields)
        idColumn = header.find(['ticket_id', 'id'])
        reasonColumn = header.find(['reason'])
        if (idColumn === -1 || reasonColumn === -1) throw new Error(`${path}: header must have ticket_id and reason columns`)
        return
      }
      const id = fields[idColumn]?.trim() ?? ''
      const reason = fields[reasonColumn]?.trim() ?? ''
      if (id === '' || reason === '') problems.push(`${path}:${line}: empty ticket_id or reason`)
      else if (!knownReasons.has(reason)) problems.push(`${path}:${line}: unknown reason "${reason}"`)
      else reasonByTicket.set(id, reason)
    },
    malformed: (line, reason) => problems.push(`${path}:${line}: ${reason}`),
  })
  parser.push(await readFile(path, 'utf8'))
  parser.end()
  return { reasonByTicket, problems }
}
