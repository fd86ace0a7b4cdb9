import { mkdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { snapshotOf } from './classifier/serialize'
import { cleanTicketText, collapseWhitespace } from './clean-text'
import type { TextClassifier } from './classifier/text-classifier'
import { CsvFileWriter, csvText } from './csv/csv-writer'
import type { AuditSummary, ReasonSummary } from './audit-summary'
import { SUMMARY_FILE } from './audit-summary'
import type { ColumnMap } from './formats/mapped-csv'
import { LanguageStats } from './language/language-stats'
import { ProgressBar, type ProgressOutput } from './progress'
import { absorbableShare, rankReasons, RANKED_REASONS_LISTED, reasonMetas, topShare } from './rank'
import { streamTickets } from './read-tickets'
import { ReasonStats } from './reason-stats'
import { renderReport } from './report-html'
import type { TaggerOptions } from './tagger'
import { TaggingPool } from './tagging/tagging-pool'
import type { BatchTags } from './tagging/batch'
import { isAbsorbable, type Taxonomy } from './taxonomy'
import { resolutionHoursOf, type Ticket } from './ticket'

export interface AuditOptions {
  readonly input: string
  readonly outDir: string
  /** 'auto' or a format id; ignored when `columnMap` is given. */
  readonly format: string
  readonly columnMap?: ColumnMap
  /** Tickets created before this (epoch ms) are counted as outside the window, not tagged. */
  readonly since: number | null
  readonly sinceLabel: string | null
  readonly asOf: number
  readonly hourlyRate: number
  /** Used for tickets whose export records no handling time. */
  readonly defaultHandleMinutes: number
  readonly taxonomy: Taxonomy
  readonly classifier: TextClassifier
  readonly classifierDescription: string
  readonly tagger: TaggerOptions
  /** Share of tickets above which a language the portal lacks is flagged "add next". */
  readonly localeThreshold: number
  readonly overrides: ReadonlyMap<string, string>
  /** Tagging threads; 0 tags on the main thread. */
  readonly workers: number
  /** Where the progress bar goes; null for none. */
  readonly progress: ProgressOutput | null
}

export const OUTPUT_FILES = {
  tagged: 'tickets-tagged.csv',
  ranked: 'reasons-ranked.csv',
  report: 'report.html',
  badRows: 'bad-rows.csv',
  summary: SUMMARY_FILE,
  model: 'model.json',
} as const

const BATCH_SIZE = 1000
/** Batches queued per worker: enough to keep workers busy while the main thread writes, bounded for memory. */
const BATCHES_IN_FLIGHT_PER_WORKER = 3
const BAD_ROWS_SAMPLE = 20
const EXAMPLE_CHARS = 300

const TAGGED_HEADER = ['ticket_id', 'created', 'reason', 'confidence', 'portal_screen', 'absorbable', 'resolution_hours', 'handle_minutes', 'cost', 'language']

/**
 * Runs the whole audit in one streaming pass: read → tag (on worker threads) → write the
 * per-ticket CSV and aggregate per reason. Memory holds the per-reason aggregates and a
 * few batches in flight, never the tickets.
 */
export async function runAudit(options: AuditOptions): Promise<AuditSummary> {
  await mkdir(options.outDir, { recursive: true })
  const metas = reasonMetas(options.taxonomy)
  const reasonIds = metas.map((meta) => meta.id)
  const metaById = new Map(metas.map((meta) => [meta.id, meta]))
  const absorbableText = new Map(metas.map((meta) => [meta.id, isAbsorbable(meta.portalScreen) ? 'yes' : 'no']))
  const stats = new Map(reasonIds.map((id) => [id, new ReasonStats()]))
  const languages = new LanguageStats()
  const tagged = new CsvFileWriter(join(options.outDir, OUTPUT_FILES.tagged), TAGGED_HEADER)
  const badRows = new CsvFileWriter(join(options.outDir, OUTPUT_FILES.badRows), ['line', 'reason'])
  const pool = TaggingPool.create(
    { snapshot: snapshotOf(options.classifier), taxonomy: options.taxonomy, options: options.tagger, overrides: [...options.overrides], reasonIds },
    options.workers,
  )
  const progress = options.progress ? new ProgressBar((await stat(options.input)).size, options.progress) : null

  const counts = { rows: 0, tickets: 0, badRows: 0, skippedRows: 0, outsideWindow: 0, overridden: 0 }
  const skippedByReason: Record<string, number> = {}
  const badRowsSample: { line: number; reason: string }[] = []
  let firstCreated = Infinity
  let lastCreated = -Infinity
  let batch: Ticket[] = []
  const inFlight: { tickets: Ticket[]; tags: Promise<BatchTags> }[] = []
  const maxInFlight = Math.max(1, pool.workerCount) * BATCHES_IN_FLIGHT_PER_WORKER

  const submit = (): void => {
    if (batch.length === 0) return
    const tickets = batch
    batch = []
    const tags = pool.tag({ ids: tickets.map((t) => t.id), subjects: tickets.map((t) => t.subject), bodies: tickets.map((t) => t.body) })
    // Rejections surface when the batch is awaited; this keeps them from being reported as unhandled first.
    tags.catch(() => undefined)
    inFlight.push({ tickets, tags })
  }

  const record = (tickets: readonly Ticket[], tags: BatchTags): void => {
    for (let i = 0; i < tickets.length; i++) {
      const ticket = tickets[i]!
      const reasonId = reasonIds[tags.reasonIndex[i]!]!
      const meta = metaById.get(reasonId)!
      const confidence = tags.confidence[i]!
      const resolutionHours = resolutionHoursOf(ticket)
      const handleMinutes = ticket.handleMinutes ?? options.defaultHandleMinutes
      const cost = (handleMinutes / 60) * options.hourlyRate
      const reasonStats = stats.get(reasonId)!
      reasonStats.add(ticket.createdAt, resolutionHours, handleMinutes, cost)
      if (reasonStats.wantsExample(confidence)) {
        reasonStats.offerExample({ id: ticket.id, text: exampleText(ticket), confidence })
      }
      languages.add(tags.language[i]!, reasonId, isAbsorbable(meta.portalScreen), cost, confidence)
      if (tags.overridden[i] === 1) counts.overridden++
      firstCreated = Math.min(firstCreated, ticket.createdAt)
      lastCreated = Math.max(lastCreated, ticket.createdAt)
      tagged.write([
        ticket.id,
        new Date(ticket.createdAt).toISOString(),
        reasonId,
        confidence.toFixed(3),
        meta.portalScreen,
        absorbableText.get(reasonId)!,
        resolutionHours === null ? null : resolutionHours.toFixed(2),
        handleMinutes.toFixed(1),
        cost.toFixed(2),
        tags.language[i]!,
      ])
    }
  }

  const drainOldest = async (): Promise<void> => {
    const oldest = inFlight.shift()!
    record(oldest.tickets, await oldest.tags)
  }

  let format
  try {
    format = await streamTickets(
      options.input,
      { format: options.format, ...(options.columnMap ? { columnMap: options.columnMap } : {}) },
      {
        row: (outcome) => {
          counts.rows++
          if (outcome.kind === 'bad') {
            counts.badRows++
            if (badRowsSample.length < BAD_ROWS_SAMPLE) badRowsSample.push({ line: outcome.line, reason: outcome.reason })
            badRows.write([outcome.line, outcome.reason])
          } else if (outcome.kind === 'skipped') {
            counts.skippedRows++
            skippedByReason[outcome.reason] = (skippedByReason[outcome.reason] ?? 0) + 1
          } else if (options.since !== null && outcome.ticket.createdAt < options.since) {
            counts.outsideWindow++
          } else {
            counts.tickets++
            batch.push(outcome.ticket)
            if (batch.length === BATCH_SIZE) submit()
          }
        },
        chunkDone: async (bytesRead) => {
          progress?.update(bytesRead, counts.tickets)
          while (inFlight.length > maxInFlight) await drainOldest()
          await Promise.all([tagged.drain(), badRows.drain()])
        },
      },
    )
    submit()
    while (inFlight.length > 0) await drainOldest()
  } finally {
    await pool.close()
    await Promise.all([tagged.close(), badRows.close()])
    progress?.finish()
  }

  const ranked = rankReasons(metas, stats)
  const summary: AuditSummary = {
    version: 1,
    input: options.input,
    format: format.label,
    generatedAt: new Date().toISOString(),
    window: { since: options.sinceLabel, asOf: new Date(options.asOf).toISOString() },
    period: {
      firstCreated: Number.isFinite(firstCreated) ? new Date(firstCreated).toISOString() : null,
      lastCreated: Number.isFinite(lastCreated) ? new Date(lastCreated).toISOString() : null,
    },
    settings: {
      hourlyRate: options.hourlyRate,
      defaultHandleMinutes: options.defaultHandleMinutes,
      threshold: options.tagger.threshold,
      ruleWeight: options.tagger.ruleWeight,
      classifier: options.classifierDescription,
      localeThreshold: options.localeThreshold,
    },
    counts,
    skippedByReason,
    badRowsSample,
    topShares: { top5: topShare(ranked, 5), top15: topShare(ranked, RANKED_REASONS_LISTED) },
    absorbableShare: absorbableShare(ranked),
    totalCost: ranked.reduce((sum, reason) => sum + reason.cost, 0),
    reasons: ranked,
    languages: languages.summarize(options.localeThreshold),
  }
  await Promise.all([
    writeFile(join(options.outDir, OUTPUT_FILES.summary), JSON.stringify(summary, null, 2)),
    writeFile(join(options.outDir, OUTPUT_FILES.ranked), rankedCsv(ranked)),
    writeFile(join(options.outDir, OUTPUT_FILES.report), renderReport(summary)),
  ])
  return summary
}

/** What the report shows of a ticket: subject — cleaned first message, on one line. */
function exampleText(ticket: Ticket): string {
  const message = cleanTicketText(ticket.body)
  const subject = ticket.subject.trim()
  return collapseWhitespace(subject === '' ? message : message === '' ? subject : `${subject} — ${message}`).slice(0, EXAMPLE_CHARS)
}

/** The top reasons as CSV; the cumulative share at rank 5 and 15 is what the top 5 and top 15 cover. */
export function rankedCsv(ranked: readonly ReasonSummary[]): string {
  const header = ['rank', 'reason', 'label', 'tickets', 'share', 'cumulative_share', 'median_resolution_hours', 'total_human_cost', 'portal_screen', 'absorbable']
  const rows = ranked
    .slice(0, RANKED_REASONS_LISTED)
    .map((reason) => [
      reason.rank,
      reason.id,
      reason.label,
      reason.tickets,
      reason.share.toFixed(4),
      reason.cumulativeShare.toFixed(4),
      reason.medianResolutionHours === null ? null : reason.medianResolutionHours.toFixed(2),
      reason.cost.toFixed(2),
      reason.portalScreen,
      reason.absorbable ? 'yes' : 'no',
    ])
  return csvText([header, ...rows])
}
