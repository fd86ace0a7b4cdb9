import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { OUTPUT_FILES } from '../audit'
import { auditSummarySchema, SUMMARY_FILE, type AuditSummary } from '../audit-summary'
import { csvText } from '../csv/csv-writer'
import { compareAudits, type Deflection } from '../deflection'
import { parseTimestamp } from '../parse-time'
import { renderReport } from '../report-html'
import { parseOptions, requireOption, requireReadableFile, UsageError } from './cli-support'

export const DEFLECTION_USAGE = `usage: npm run audit:deflection -- --before <audit dir> --after <audit dir> --cutover <date> [options]

  --before <dir>              audit folder (with ${SUMMARY_FILE}) covering the period before the portal went live
  --after <dir>               audit folder covering the period after
  --cutover <date>            go-live date: before counts tickets created earlier, after counts the rest
  --active-customers <a,b>    active customers before and after, to compare tickets per 1,000 customers
  --out <dir>                 where deflection.csv / deflection.json go (default: the --after folder)

The --after folder's report.html gets a deflection section.`

const OPTIONS = {
  before: { type: 'string' },
  after: { type: 'string' },
  cutover: { type: 'string' },
  'active-customers': { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const

export async function deflectionCommand(argv: string[], log: (line: string) => void): Promise<Deflection | null> {
  const values = parseOptions(argv, OPTIONS)
  if (values.help) {
    log(DEFLECTION_USAGE)
    return null
  }
  const beforeDir = requireOption(values.before, 'before')
  const afterDir = requireOption(values.after, 'after')
  const cutover = parseTimestamp(requireOption(values.cutover, 'cutover'))
  if (!cutover.ok || cutover.value === null) throw new UsageError(`--cutover: ${cutover.ok ? 'empty' : cutover.error}`)
  const activeCustomers = values['active-customers'] === undefined ? null : parseActiveCustomers(values['active-customers'])
  const before = await readSummary(beforeDir, 'before')
  const after = await readSummary(afterDir, 'after')
  const deflection = compareAudits(before, after, cutover.value, activeCustomers)

  const outDir = values.out ?? afterDir
  await writeFile(join(outDir, 'deflection.csv'), deflectionCsv(deflection))
  await writeFile(join(outDir, 'deflection.json'), JSON.stringify(deflection, null, 2))
  await writeFile(join(afterDir, OUTPUT_FILES.report), renderReport(after, deflection))

  if (activeCustomers === null) log('no --active-customers: rates are per 90 days only, so customer growth is not factored out')
  for (const period of ['before', 'after'] as const) {
    const p = deflection[period]
    log(`${period}: ${p.firstDay ?? '–'} to ${p.lastDay ?? '–'}, ${p.days} days, ${p.tickets} tickets${p.excludedTickets > 0 ? ` (${p.excludedTickets} on the other side of the cut-over left out)` : ''}`)
  }
  const change = deflection.absorbable.changeShare
  log(`portal-absorbable reasons: ${change === null ? 'no before rate' : `${(change * 100).toFixed(1)}% rate change`}, ~${deflection.absorbable.deflectedTickets.toFixed(0)} tickets deflected`)
  log(`wrote ${join(outDir, 'deflection.csv')}, ${join(outDir, 'deflection.json')}, ${join(afterDir, OUTPUT_FILES.report)}`)
  return deflection
}

function parseActiveCustomers(value: string): [number, number] {
  const parts = value.split(',').map((part) => Number(part.trim()))
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n) || n <= 0)) {
    throw new UsageError(`--active-customers needs two positive numbers "before,after", got "${value}"`)
  }
  return [parts[0]!, parts[1]!]
}

async function readSummary(dir: string, name: string): Promise<AuditSummary> {
  const path = await requireReadableFile(join(dir, SUMMARY_FILE), name)
  const parsed = auditSummarySchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
  if (!parsed.success) throw new Error(`${path} is not an audit summary: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`)
  return parsed.data
}

export function deflectionCsv(deflection: Deflection): string {
  const header = [
    'reason', 'label', 'portal_screen', 'absorbable', 'before_tickets', 'after_tickets', 'before_per_90_days', 'after_per_90_days',
    'before_per_1k_customers', 'after_per_1k_customers', 'change_pct', 'deflected_tickets',
  ]
  const rate = (value: number | null): string | null => (value === null ? null : value.toFixed(3))
  return csvText([
    header,
    ...deflection.rows.map((row) => [
      row.id, row.label, row.portalScreen, row.absorbable ? 'yes' : 'no', row.beforeTickets, row.afterTickets,
      rate(row.beforePer90Days), rate(row.afterPer90Days), rate(row.beforePer1kCustomers), rate(row.afterPer1kCustomers),
      row.changeShare === null ? null : (row.changeShare * 100).toFixed(1), row.deflectedTickets.toFixed(1),
    ]),
  ])
}
