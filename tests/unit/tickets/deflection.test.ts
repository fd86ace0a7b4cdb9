import { describe, expect, it } from 'vitest'
import type { AuditSummary, ReasonSummary } from '../../../src/tickets/audit-summary'
import { compareAudits } from '../../../src/tickets/deflection'
import { renderReport } from '../../../src/tickets/report-html'

const DAY = 86_400_000
const day = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY)

function reason(id: string, absorbable: boolean, ticketsPerDay: [number, number][]): ReasonSummary {
  const tickets = ticketsPerDay.reduce((sum, [, count]) => sum + count, 0)
  return {
    rank: 1, id, label: id.toUpperCase(), portalScreen: absorbable ? 'billing' : 'stays-with-support', absorbable, tickets, share: 0, cumulativeShare: 0,
    resolvedTickets: 0, medianResolutionHours: null, medianIsExact: true, handleMinutes: 0, cost: 0, examples: [], ticketsPerDay,
  }
}

function summary(reasons: ReasonSummary[]): AuditSummary {
  return {
    version: 1, input: 'x.csv', format: 'test', generatedAt: '2024-07-01T00:00:00Z', window: { since: null, asOf: '2024-07-01T00:00:00Z' },
    period: { firstCreated: null, lastCreated: null },
    settings: { hourlyRate: 45, defaultHandleMinutes: 12, threshold: 0.5, ruleWeight: 1, classifier: 'test' },
    counts: { rows: 0, tickets: 0, badRows: 0, skippedRows: 0, outsideWindow: 0, overridden: 0 },
    skippedByReason: {}, badRowsSample: [], topShares: { top5: 0, top15: 0 }, absorbableShare: 0, totalCost: 0, reasons,
  }
}

// Before: 1 Jan – 30 Mar (89 days + 1 = 90 days), card-change 90 tickets, refund 30.
// After:  1 Apr – 29 Jun (90 days), card-change 60, refund 33; one stray after-cutover ticket in the before audit.
const before = summary([
  reason('card-change', true, [[day('2024-01-01'), 45], [day('2024-03-30'), 45], [day('2024-04-02'), 1]]),
  reason('refund', false, [[day('2024-02-01'), 30]]),
])
const after = summary([
  reason('card-change', true, [[day('2024-04-01'), 30], [day('2024-06-29'), 30]]),
  reason('refund', false, [[day('2024-05-01'), 33]]),
])

describe('compareAudits', () => {
  it('compares per-90-day rates and leaves out tickets on the wrong side of the cut-over', () => {
    const result = compareAudits(before, after, Date.parse('2024-04-01T00:00:00Z'), null)
    expect(result.cutover).toBe('2024-04-01')
    expect(result.before).toMatchObject({ firstDay: '2024-01-01', lastDay: '2024-03-30', days: 90, tickets: 120, excludedTickets: 1 })
    expect(result.after).toMatchObject({ days: 90, tickets: 93, excludedTickets: 0 })
    const card = result.rows.find((row) => row.id === 'card-change')!
    expect(card).toMatchObject({ beforeTickets: 90, afterTickets: 60, beforePer90Days: 90, afterPer90Days: 60, beforePer1kCustomers: null })
    expect(card.changeShare).toBeCloseTo(-1 / 3)
    expect(card.deflectedTickets).toBeCloseTo(30)
    expect(result.absorbable).toMatchObject({ beforeTickets: 90, afterTickets: 60, deflectedTickets: 30 })
  })

  it('normalizes by active customers so growth does not hide deflection', () => {
    // Customers grew 1,000 → 1,500: at the old rate card-change would have had 135 tickets; it had 60.
    const result = compareAudits(before, after, Date.parse('2024-04-01T00:00:00Z'), [1000, 1500])
    const card = result.rows.find((row) => row.id === 'card-change')!
    expect(card.beforePer1kCustomers).toBeCloseTo(90)
    expect(card.afterPer1kCustomers).toBeCloseTo(40)
    expect(card.deflectedTickets).toBeCloseTo(75)
    const refund = result.rows.find((row) => row.id === 'refund')!
    expect(refund.changeShare).toBeCloseTo(22 / 30 - 1)
    expect(result.rows[0]!.id).toBe('card-change')
  })

  it('adds a deflection section to the report', () => {
    const html = renderReport(after, compareAudits(before, after, Date.parse('2024-04-01T00:00:00Z'), [1000, 1500]))
    expect(html).toContain('Deflection after the 2024-04-01 cut-over')
    expect(html).toContain('per 1,000 active customers')
    expect(html).toContain('-55.6%')
  })
})
