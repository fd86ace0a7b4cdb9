/**
 * `npm run bench [-- web tickets …]`: runs the benches, prints one table with each row's ratio to
 * its floor (measured in the same run), and writes bench/results/latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { loadDotEnv, repoRoot } from '../../scripts/lib/load-env'
import { benchApiKeys } from './api-keys-bench'
import { benchAudit } from './audit-bench'
import { benchInvoices } from './invoices-bench'
import { benchLoad } from './load-bench'
import { benchStartup } from './startup-bench'
import { benchTickets } from './tickets-bench'
import { benchUsage } from './usage-bench'
import type { BenchRow } from './types'
import { benchWeb } from './web-bench'

const suites: Record<string, () => Promise<BenchRow[]>> = { web: benchWeb, audit: benchAudit, tickets: benchTickets, invoices: benchInvoices, 'api-keys': benchApiKeys, usage: benchUsage, load: benchLoad, startup: benchStartup }

const format = (value: number | undefined, digits = 0) => (value === undefined ? '' : value.toFixed(digits))

function table(rows: BenchRow[]): string {
  const byName = new Map(rows.map((row) => [row.name, row]))
  const header = ['name', 'throughput', 'unit', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'ratio to floor', 'notes']
  const lines = rows.map((row) => {
    const floor = row.floor ? byName.get(row.floor) : undefined
    const ratio = floor?.throughput && row.throughput !== undefined ? `${(row.throughput / floor.throughput).toFixed(2)}× of "${floor.name}"` : ''
    const notes = Object.entries(row.notes ?? {}).map(([key, value]) => `${key}=${value}`).join(' ')
    return [row.name, format(row.throughput), row.unit, format(row.p50, 1), format(row.p95, 1), format(row.p99, 1), format(row.errors), ratio, notes]
  })
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)))
  const render = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')
  return [render(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...lines.map(render)].join('\n')
}

loadDotEnv()
const requested = process.argv.slice(2).filter((name) => !name.startsWith('-'))
const chosen = requested.length ? requested : Object.keys(suites)
const unknown = chosen.filter((name) => !suites[name])
if (unknown.length) {
  console.error(`Unknown bench: ${unknown.join(', ')}. Choose from: ${Object.keys(suites).join(', ')}.`)
  process.exit(2)
}

const rows: BenchRow[] = []
for (const name of chosen) {
  console.log(`Running bench: ${name}…`)
  rows.push(...(await suites[name]()))
}
console.log(`\n${table(rows)}\n`)
const out = path.join(repoRoot, 'bench', 'results', 'latest.json')
await mkdir(path.dirname(out), { recursive: true })
await writeFile(out, JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2))
console.log(`Wrote ${path.relative(repoRoot, out)}`)
process.exit(0)
