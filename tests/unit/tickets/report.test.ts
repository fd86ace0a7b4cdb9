import { describe, expect, it } from 'vitest'
import type { AuditSummary } from '../../../src/tickets/audit-summary'
import { paretoSvg } from '../../../src/tickets/pareto-svg'
import { ProgressBar } from '../../../src/tickets/progress'
import { renderReport } from '../../../src/tickets/report-html'

const summary: AuditSummary = {
  version: 1, input: 'export.csv', format: 'Zendesk ticket export (CSV)', generatedAt: '2024-07-01T00:00:00Z', window: { since: '90d', asOf: '2024-07-01T00:00:00Z' },
  period: { firstCreated: '2024-04-01T00:00:00Z', lastCreated: '2024-06-30T00:00:00Z' },
  settings: { hourlyRate: 45, defaultHandleMinutes: 12, threshold: 0.5, ruleWeight: 1, classifier: 'built-in' },
  counts: { rows: 5, tickets: 3, badRows: 1, skippedRows: 1, outsideWindow: 0, overridden: 0 },
  skippedByReason: { 'outbound message': 1 }, badRowsSample: [{ line: 7, reason: 'expected 4 fields, found 2' }],
  topShares: { top5: 1, top15: 1 }, absorbableShare: 2 / 3, totalCost: 27,
  reasons: [
    { rank: 1, id: 'card-change', label: 'Change card', portalScreen: 'billing', absorbable: true, tickets: 2, share: 2 / 3, cumulativeShare: 2 / 3, resolvedTickets: 2, medianResolutionHours: 3, medianIsExact: true, handleMinutes: 24, cost: 18,
      examples: [{ id: 'T-1', text: 'Update my card <script>alert(1)</script> & "quotes"', confidence: 0.91 }], ticketsPerDay: [] },
    { rank: 2, id: 'refund', label: 'Refund', portalScreen: 'stays-with-support', absorbable: false, tickets: 1, share: 1 / 3, cumulativeShare: 1, resolvedTickets: 0, medianResolutionHours: null, medianIsExact: true, handleMinutes: 12, cost: 9, examples: [], ticketsPerDay: [] },
  ],
}

describe('renderReport', () => {
  const html = renderReport(summary)

  it('shows the key shares, the Pareto chart, the table and the input accounting', () => {
    expect(html).toContain('66.7%')
    expect(html).toContain('absorbable by the portal')
    expect(html.match(/<rect /g)).toHaveLength(2)
    expect(html).toContain('line 7: expected 4 fields, found 2')
    expect(html).toContain('1 × outbound message')
  })

  it('escapes ticket text', () => {
    expect(html).not.toContain('<script>')
    expect(html).toContain('Update my card &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;')
  })
})

describe('paretoSvg', () => {
  it('draws one bar per reason and the cumulative line through each', () => {
    const svg = paretoSvg([
      { label: 'A', tickets: 6, cumulativeShare: 0.6, absorbable: true },
      { label: 'B', tickets: 4, cumulativeShare: 1, absorbable: false },
    ])
    expect(svg.match(/<rect /g)).toHaveLength(2)
    expect(svg.match(/<circle /g)).toHaveLength(2)
    expect(svg).toContain('fill="#2f6db5"')
    expect(svg).toContain('fill="#9aa3ad"')
  })
})

describe('ProgressBar', () => {
  it('is silent when the output is not a terminal', () => {
    const written: string[] = []
    const bar = new ProgressBar(100, { isTTY: false, write: (text) => written.push(text) })
    bar.update(50, 10)
    bar.finish()
    expect(written).toEqual([])
  })

  it('draws fraction, count and rate on a terminal', () => {
    const written: string[] = []
    const bar = new ProgressBar(200, { isTTY: true, write: (text) => written.push(text) })
    bar.update(100, 1234)
    bar.finish()
    expect(written[0]).toMatch(/^\r\[#{15}\.{15}\]  50%  1,234 tickets  [\d,]+\/s$/)
    expect(written.at(-1)).toBe('\n')
  })
})
