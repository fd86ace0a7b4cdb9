import type { AuditSummary } from './audit-summary'
import { PORTAL_SCREENS, type PortalScreen } from './taxonomy'

/** One uploaded quarterly audit, as staff label it in /admin. */
export type LabeledAudit = { label: string; activeCustomers: number; summary: AuditSummary }

export type TrendPoint = { label: string; periodEnd: string | null; tickets: number; per1kCustomersPer90Days: number }
export type ScreenTrend = { portalScreen: PortalScreen; points: TrendPoint[]; change: number | null }

const DAY_MS = 86_400_000

/** Days the audit covers, from its first to its last ticket (at least one). */
function coveredDays(summary: AuditSummary): number {
  const { firstCreated, lastCreated } = summary.period
  if (!firstCreated || !lastCreated) return 1
  return Math.max(1, Math.round((Date.parse(lastCreated) - Date.parse(firstCreated)) / DAY_MS) + 1)
}

/**
 * Tickets per portal screen per 1,000 active customers per 90 days, audit by audit in period
 * order: normalizing by customers and days keeps growth and quarter length from hiding (or faking)
 * deflection. `change` compares the last audit with the first.
 */
export function deflectionTrend(audits: LabeledAudit[]): ScreenTrend[] {
  const ordered = [...audits].sort((a, b) => (a.summary.period.lastCreated ?? '').localeCompare(b.summary.period.lastCreated ?? ''))
  return PORTAL_SCREENS.map((portalScreen) => {
    const points = ordered.map(({ label, activeCustomers, summary }) => {
      const tickets = summary.reasons.filter((reason) => reason.portalScreen === portalScreen).reduce((sum, reason) => sum + reason.tickets, 0)
      const rate = (tickets / Math.max(1, activeCustomers)) * 1000 * (90 / coveredDays(summary))
      return { label, periodEnd: summary.period.lastCreated, tickets, per1kCustomersPer90Days: Math.round(rate * 100) / 100 }
    })
    const first = points[0]?.per1kCustomersPer90Days
    const last = points.at(-1)?.per1kCustomersPer90Days
    const change = points.length > 1 && first ? (last! - first) / first : null
    return { portalScreen, points, change }
  }).filter((trend) => trend.points.some((point) => point.tickets > 0))
}
