import { spawn } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { CsvParser } from '../../src/tickets/csv/csv-parser'
import { writeSyntheticZendeskCsv } from './synthetic-tickets'
import type { BenchRow } from './types'

/** BENCH_TICKETS runs a smaller file while iterating; the targets are for 1,000,000. */
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000)
const TARGET_TICKETS_PER_SECOND = 50_000
const TARGET_PEAK_RSS_MB = 300
const REPO_ROOT = path.resolve(import.meta.dirname, '../..')
const PARSE_ROW = 'tickets: CSV parse only (floor)'
const AUDIT_ROW = 'tickets: audit:tickets parse + tag + write (word vectors, language)'
const AUDIT_NO_VECTORS_ROW = 'tickets: audit:tickets parse + tag + write (n-grams only, language)'

/**
 * Throughput of the support-inbox audit on 1,000,000 synthetic Zendesk tickets: the CLI
 * runs as a child process exactly as `npm run audit:tickets` would, and its peak RSS is
 * sampled from /proc/<pid>/status (VmHWM). The floor row is the bare CSV parse of the same
 * file in this process: no audit can be faster than reading its input.
 */
export async function benchTickets(): Promise<BenchRow[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tickets-bench-'))
  try {
    const input = path.join(dir, 'zendesk-1m.csv')
    const bytes = await writeSyntheticZendeskCsv({ path: input, tickets: TICKETS })
    const parse = await measureParse(input)
    const audit = await measureAudit(input, path.join(dir, 'audit'), ['--vectors', 'on'])
    const plain = await measureAudit(input, path.join(dir, 'audit-plain'), ['--vectors', 'off'])
    return [
      {
        name: PARSE_ROW,
        unit: 'tickets/s',
        throughput: Math.round(parse.records / parse.seconds),
        notes: { tickets: parse.records, seconds: round(parse.seconds), inputMb: round(bytes / 1e6) },
      },
      auditRow(AUDIT_ROW, audit),
      auditRow(AUDIT_NO_VECTORS_ROW, plain),
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function auditRow(name: string, audit: AuditRun): BenchRow {
  return {
    name,
    unit: 'tickets/s',
    throughput: Math.round(audit.rows / audit.pipelineSeconds),
    errors: audit.exitCode === 0 ? 0 : 1,
    floor: PARSE_ROW,
    notes: {
      tickets: audit.rows,
      pipelineSeconds: round(audit.pipelineSeconds),
      wallSeconds: round(audit.wallSeconds),
      wallTicketsPerSecond: Math.round(audit.rows / audit.wallSeconds),
      peakRssMb: Math.round(audit.peakRssKb / 1024),
      targetTicketsPerSecond: TARGET_TICKETS_PER_SECOND,
      targetPeakRssMb: TARGET_PEAK_RSS_MB,
    },
  }
}

async function measureParse(input: string): Promise<{ records: number; seconds: number }> {
  const startedAt = performance.now()
  let records = 0
  const parser = new CsvParser({ record: () => records++, malformed: () => undefined })
  for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 256 * 1024 }) as AsyncIterable<string>) parser.push(chunk)
  parser.end()
  return { records: records - 1, seconds: (performance.now() - startedAt) / 1000 }
}

interface AuditRun {
  exitCode: number
  rows: number
  pipelineSeconds: number
  wallSeconds: number
  peakRssKb: number
}

async function measureAudit(input: string, outDir: string, extraArgs: readonly string[]): Promise<AuditRun> {
  const startedAt = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/audit-tickets.ts', '--input', input, '--out', outDir, '--quiet', ...extraArgs], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  let peakRssKb = 0
  // VmHWM is the process's own high-water mark, so sampling only has to catch it before exit.
  const sampler = setInterval(async () => {
    try {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8')
      const match = /VmHWM:\s+(\d+) kB/.exec(status)
      if (match) peakRssKb = Math.max(peakRssKb, Number(match[1]))
    } catch {
      // The process has just exited.
    }
  }, 50)
  const exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)))
  clearInterval(sampler)
  const wallSeconds = (performance.now() - startedAt) / 1000
  const timing = /(\d+) rows in ([\d.]+) s/.exec(stdout)
  if (exitCode !== 0 || !timing) throw new Error(`audit:tickets failed (exit ${exitCode}):\n${stdout}`)
  return { exitCode, rows: Number(timing[1]), pipelineSeconds: Number(timing[2]), wallSeconds, peakRssKb }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchTickets()) console.log(JSON.stringify(row))
}
