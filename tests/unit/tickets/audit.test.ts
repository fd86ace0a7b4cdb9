import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OUTPUT_FILES, runAudit, type AuditOptions } from '../../../src/tickets/audit'
import { auditSummarySchema, type AuditSummary } from '../../../src/tickets/audit-summary'
import { parseColumnMap } from '../../../src/tickets/formats/mapped-csv'
import { readOverrides } from '../../../src/tickets/overrides'
import { trainSeedClassifier } from '../../../src/tickets/seed-classifier'
import { DEFAULT_LOCALE_THRESHOLD } from '../../../src/tickets/language/portal-locales'
import { DEFAULT_TAGGER_OPTIONS } from '../../../src/tickets/tagger'
import { DEFAULT_TAXONOMY, UNCLASSIFIED } from '../../../src/tickets/taxonomy'
import { fixture, utc } from '../../helpers/tickets'

/**
 * The ranking fixture: 12 tickets (plus one without an id), each given its reason by the
 * overrides file so the expected figures can be computed by hand (hourly rate 60, so
 * cost = handle minutes; ticket t3 has no handle time and gets the default 12).
 */
const classifier = trainSeedClassifier(DEFAULT_TAXONOMY)
let outDir: string

async function audit(overrides: Partial<AuditOptions> = {}): Promise<AuditSummary> {
  const known = new Set([...DEFAULT_TAXONOMY.reasons.map((r) => r.id), UNCLASSIFIED])
  const { reasonByTicket, problems } = await readOverrides(fixture('ranking-overrides.csv'), known)
  expect(problems).toEqual([])
  return runAudit({
    input: fixture('ranking-tickets.csv'),
    outDir,
    format: 'auto',
    columnMap: parseColumnMap('id=ticket,created=opened,solved=closed,subject=subject,body=body,handle=handle_minutes'),
    since: null,
    sinceLabel: null,
    asOf: utc('2024-06-01T00:00:00'),
    hourlyRate: 60,
    defaultHandleMinutes: 12,
    taxonomy: DEFAULT_TAXONOMY,
    classifier,
    classifierDescription: 'built-in',
    tagger: DEFAULT_TAGGER_OPTIONS,
    localeThreshold: DEFAULT_LOCALE_THRESHOLD,
    overrides: reasonByTicket,
    workers: 0,
    progress: null,
    ...overrides,
  })
}

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'ticket-audit-'))
})
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true })
})

describe('runAudit on the hand-computed ranking fixture', () => {
  it('ranks reasons with shares, cumulative shares, medians and costs', async () => {
    const summary = await audit()
    const top = summary.reasons.slice(0, 6).map((r) => [r.rank, r.id, r.tickets, r.share, r.cumulativeShare, r.medianResolutionHours, r.cost, r.absorbable])
    expect(top).toEqual([
      [1, 'card-change', 4, 4 / 12, 4 / 12, 4, 47, true],
      [2, 'refund', 3, 3 / 12, 7 / 12, 24, 75, false],
      [3, 'invoice-download', 2, 2 / 12, 9 / 12, 1, 12, true],
      // Ties on tickets are broken by cost.
      [4, 'api-key', 1, 1 / 12, 10 / 12, 3, 60, true],
      [5, 'bug-report', 1, 1 / 12, 11 / 12, 6, 45, false],
      [6, 'feature-request', 1, 1 / 12, 12 / 12, null, 15, false],
    ])
    expect(summary.reasons.slice(6).every((r) => r.tickets === 0)).toBe(true)
    expect(summary.topShares).toEqual({ top5: 11 / 12, top15: 1 })
    expect(summary.absorbableShare).toBeCloseTo(7 / 12, 12)
    expect(summary.totalCost).toBe(254)
    expect(summary.counts).toEqual({ rows: 13, tickets: 12, badRows: 1, skippedRows: 0, outsideWindow: 0, overridden: 12 })
    expect(summary.badRowsSample).toEqual([{ line: 12, reason: 'empty ticket' }])
    expect(summary.period).toEqual({ firstCreated: '2024-05-01T00:00:00.000Z', lastCreated: '2024-05-06T08:00:00.000Z' })
  })

  it('writes reasons-ranked.csv, tickets-tagged.csv, bad-rows.csv, the summary and the report', async () => {
    const summary = await audit()
    const ranked = (await readFile(path.join(outDir, OUTPUT_FILES.ranked), 'utf8')).trim().split('\n')
    expect(ranked[0]).toBe('rank,reason,label,tickets,share,cumulative_share,median_resolution_hours,total_human_cost,portal_screen,absorbable')
    expect(ranked[1]).toBe('1,card-change,Change card / payment method,4,0.3333,0.3333,4.00,47.00,billing,yes')
    expect(ranked[2]).toBe('2,refund,Refund request,3,0.2500,0.5833,24.00,75.00,stays-with-support,no')
    expect(ranked).toHaveLength(16)

    const tagged = (await readFile(path.join(outDir, OUTPUT_FILES.tagged), 'utf8')).trim().split('\n')
    expect(tagged[0]).toBe('ticket_id,created,reason,confidence,portal_screen,absorbable,resolution_hours,handle_minutes,cost,language')
    expect(tagged[1]).toBe('t1,2024-05-01T00:00:00.000Z,card-change,1.000,billing,yes,2.00,10.0,10.00,en')
    expect(tagged[3]).toBe('t3,2024-05-02T00:00:00.000Z,card-change,1.000,billing,yes,9.00,12.0,12.00,en')
    expect(tagged[4]).toBe('t4,2024-05-02T12:00:00.000Z,card-change,1.000,billing,yes,,5.0,5.00,en')
    expect(tagged).toHaveLength(13)

    expect(await readFile(path.join(outDir, OUTPUT_FILES.badRows), 'utf8')).toBe('line,reason\n12,empty ticket\n')
    const stored = auditSummarySchema.parse(JSON.parse(await readFile(path.join(outDir, OUTPUT_FILES.summary), 'utf8')))
    expect(stored.reasons[0]!.ticketsPerDay).toEqual([
      [19844, 2],
      [19845, 2],
    ])
    expect(stored.totalCost).toBe(summary.totalCost)
    const report = await readFile(path.join(outDir, OUTPUT_FILES.report), 'utf8')
    expect(report).toContain('<svg')
    expect(report).toContain('58.3%')
  })

  it('counts tickets before --since as outside the window instead of dropping them', async () => {
    const summary = await audit({ since: utc('2024-05-03T00:00:00'), sinceLabel: '2024-05-03' })
    expect(summary.counts.outsideWindow).toBe(4)
    expect(summary.counts.tickets).toBe(8)
    expect(summary.reasons[0]!.id).toBe('refund')
    expect(summary.reasons.find((r) => r.id === 'card-change')!.tickets).toBe(0)
  })

  it('tags with the classifier when there is no override, and gives the same result on worker threads', async () => {
    const inline = await audit({ overrides: new Map() })
    const tagged = await readFile(path.join(outDir, OUTPUT_FILES.tagged), 'utf8')
    const threaded = await audit({ overrides: new Map(), workers: 2 })
    expect(await readFile(path.join(outDir, OUTPUT_FILES.tagged), 'utf8')).toBe(tagged)
    expect(threaded.reasons.map((r) => [r.id, r.tickets])).toEqual(inline.reasons.map((r) => [r.id, r.tickets]))
    expect(inline.counts.overridden).toBe(0)
    const byId = new Map(tagged.trim().split('\n').slice(1).map((line) => [line.split(',')[0], line.split(',')[2]]))
    expect(byId.get('t10')).toBe('api-key')
    expect(byId.get('t5')).toBe('refund')
    expect(byId.get('t8')).toBe('invoice-download')
  })
})
