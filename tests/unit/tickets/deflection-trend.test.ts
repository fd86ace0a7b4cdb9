import { describe, expect, it } from 'vitest'

import type { AuditSummary, ReasonSummary } from '../../../src/tickets/audit-summary'
import { deflectionTrend } from '../../../src/tickets/deflection-trend'

const reason = (id: string, portalScreen: ReasonSummary['portalScreen'], tickets: number): ReasonSummary => ({
  rank: 1, id, label: id, portalScreen, absorbable: portalScreen !== 'stays-with-support', tickets, share: 0, cumulativeShare: 0,
  resolvedTickets: tickets, medianResolutionHours: 1, medianIsExact: true, handleMinutes: 12, cost: 0, examples: [], ticketsPerDay: [],
})

const summary = (first: string, last: string, reasons: ReasonSummary[]): AuditSummary => ({
  version: 1, input: 'x.csv', format: 'zendesk-csv', generatedAt: last, window: { since: null, asOf: last },
  period: { firstCreated: first, lastCreated: last },
  settings: { hourlyRate: 45, defaultHandleMinutes: 12, threshold: 0.5, ruleWeight: 1, classifier: 'linear-svm' },
  counts: { rows: 0, tickets: 0, badRows: 0, skippedRows: 0, outsideWindow: 0, overridden: 0 },
  skippedByReason: {}, badRowsSample: [], topShares: { top5: 0, top15: 0 }, absorbableShare: 0, totalCost: 0, reasons,
})

describe('deflectionTrend', () => {
  it('normalizes per 1,000 active customers and per 90 days, in period order', () => {
    const q2 = { label: 'Q2', activeCustomers: 2000, summary: summary('2026-04-01T00:00:00Z', '2026-06-29T00:00:00Z', [reason('card_change', 'billing', 200), reason('teammate_add', 'team', 50)]) }
    const q1 = { label: 'Q1', activeCustomers: 1000, summary: summary('2026-01-01T00:00:00Z', '2026-03-31T00:00:00Z', [reason('card_change', 'billing', 100), reason('refund', 'stays-with-support', 30)]) }
    const trend = deflectionTrend([q2, q1])
    const billing = trend.find((row) => row.portalScreen === 'billing')!
    // Q1: 100 tickets / 1,000 customers × 1,000 × 90/90 days = 100; Q2: 200 / 2,000 × 1,000 × 90/90 = 100.
    expect(billing.points.map((point) => [point.label, point.per1kCustomersPer90Days])).toEqual([['Q1', 100], ['Q2', 100]])
    expect(billing.change).toBe(0)
    const team = trend.find((row) => row.portalScreen === 'team')!
    expect(team.points.map((point) => point.tickets)).toEqual([0, 50])
    expect(team.change).toBeNull()
    expect(trend.map((row) => row.portalScreen)).not.toContain('usage')
  })

  it('shows a drop as a negative change', () => {
    const before = { label: 'Q1', activeCustomers: 1000, summary: summary('2026-01-01T00:00:00Z', '2026-03-31T00:00:00Z', [reason('invoice_download', 'invoices', 80)]) }
    const after = { label: 'Q2', activeCustomers: 1000, summary: summary('2026-04-01T00:00:00Z', '2026-06-29T00:00:00Z', [reason('invoice_download', 'invoices', 20)]) }
    expect(deflectionTrend([before, after])[0].change).toBe(-0.75)
  })
})
