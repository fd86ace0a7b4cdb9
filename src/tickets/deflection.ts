import type { AuditSummary } from './audit-summary'
import type { PortalScreen } from './taxonomy'

/**
 * Before/after comparison of two audits around a portal cut-over. Rates are tickets per
 * 1,000 active customers (when given) and per 90 days, so customer growth or periods of
 * different length don't hide (or fake) deflection. Each audit contributes only its
 * tickets on the right side of the cut-over: `before` those created before it, `after`
 * those created on or after it.
 */
export interface DeflectionRow {
  readonly id: string
  readonly label: string
  readonly portalScreen: PortalScreen
  readonly absorbable: boolean
  readonly beforeTickets: number
  readonly afterTickets: number
  readonly beforePer90Days: number
  readonly afterPer90Days: number
  readonly beforePer1kCustomers: number | null
  readonly afterPer1kCustomers: number | null
  /** Relative change of the normalized rate (per 1k customers when known, else per 90 days). */
  readonly changeShare: number | null
  /** After-period tickets avoided: tickets expected at the before rate minus tickets seen. */
  readonly deflectedTickets: number
}

export interface DeflectionPeriod {
  readonly firstDay: string | null
  readonly lastDay: string | null
  readonly days: number
  readonly tickets: number
  readonly activeCustomers: number | null
  /** Tickets of this audit on the wrong side of the cut-over, left out. */
  readonly excludedTickets: number
}

export interface Deflection {
  readonly cutover: string
  readonly before: DeflectionPeriod
  readonly after: DeflectionPeriod
  readonly rows: readonly DeflectionRow[]
  readonly absorbable: { readonly beforeTickets: number; readonly afterTickets: number; readonly changeShare: number | null; readonly deflectedTickets: number }
}

const DAY_MS = 86_400_000
const RATE_DAYS = 90

export function compareAudits(before: AuditSummary, after: AuditSummary, cutoverMs: number, activeCustomers: readonly [number, number] | null): Deflection {
  const cutoverDay = Math.floor(cutoverMs / DAY_MS)
  const beforePeriod = periodOf(before, (day) => day < cutoverDay, activeCustomers?.[0] ?? null)
  const afterPeriod = periodOf(after, (day) => day >= cutoverDay, activeCustomers?.[1] ?? null)
  const afterById = new Map(after.reasons.map((reason) => [reason.id, reason]))
  const beforeById = new Map(before.reasons.map((reason) => [reason.id, reason]))
  const ids = [...new Set([...before.reasons.map((r) => r.id), ...after.reasons.map((r) => r.id)])]

  const rows = ids.map((id): DeflectionRow => {
    const meta = afterById.get(id) ?? beforeById.get(id)!
    const beforeTickets = ticketsIn(beforeById.get(id)?.ticketsPerDay, (day) => day < cutoverDay)
    const afterTickets = ticketsIn(afterById.get(id)?.ticketsPerDay, (day) => day >= cutoverDay)
    const rates = normalizedRates(beforeTickets, afterTickets, beforePeriod, afterPeriod)
    return { id, label: meta.label, portalScreen: meta.portalScreen, absorbable: meta.absorbable, beforeTickets, afterTickets, ...rates }
  })
  rows.sort((a, b) => b.deflectedTickets - a.deflectedTickets || a.id.localeCompare(b.id))

  const absorbableRows = rows.filter((row) => row.absorbable)
  const beforeAbsorbable = absorbableRows.reduce((sum, row) => sum + row.beforeTickets, 0)
  const afterAbsorbable = absorbableRows.reduce((sum, row) => sum + row.afterTickets, 0)
  const totals = normalizedRates(beforeAbsorbable, afterAbsorbable, beforePeriod, afterPeriod)
  return {
    cutover: new Date(cutoverDay * DAY_MS).toISOString().slice(0, 10),
    before: beforePeriod,
    after: afterPeriod,
    rows,
    absorbable: { beforeTickets: beforeAbsorbable, afterTickets: afterAbsorbable, changeShare: totals.changeShare, deflectedTickets: totals.deflectedTickets },
  }
}

function periodOf(summary: AuditSummary, inPeriod: (day: number) => boolean, activeCustomers: number | null): DeflectionPeriod {
  let firstDay = Infinity
  let lastDay = -Infinity
  let tickets = 0
  let excluded = 0
  for (const reason of summary.reasons) {
    for (const [day, count] of reason.ticketsPerDay) {
      if (!inPeriod(day)) {
        excluded += count
        continue
      }
      tickets += count
      firstDay = Math.min(firstDay, day)
      lastDay = Math.max(lastDay, day)
    }
  }
  const hasDays = tickets > 0
  return {
    firstDay: hasDays ? dayString(firstDay) : null,
    lastDay: hasDays ? dayString(lastDay) : null,
    days: hasDays ? lastDay - firstDay + 1 : 0,
    tickets,
    activeCustomers,
    excludedTickets: excluded,
  }
}

function ticketsIn(ticketsPerDay: readonly (readonly [number, number])[] | undefined, inPeriod: (day: number) => boolean): number {
  return (ticketsPerDay ?? []).reduce((sum, [day, count]) => sum + (inPeriod(day) ? count : 0), 0)
}

function normalizedRates(beforeTickets: number, afterTickets: number, before: DeflectionPeriod, after: DeflectionPeriod) {
  const per90 = (tickets: number, period: DeflectionPeriod): number => (period.days === 0 ? 0 : (tickets * RATE_DAYS) / period.days)
  const per1k = (tickets: number, period: DeflectionPeriod): number | null =>
    period.activeCustomers === null ? null : per90(tickets, period) / (period.activeCustomers / 1000)
  const beforePer90Days = per90(beforeTickets, before)
  const afterPer90Days = per90(afterTickets, after)
  const beforePer1kCustomers = per1k(beforeTickets, before)
  const afterPer1kCustomers = per1k(afterTickets, after)
  const beforeRate = beforePer1kCustomers ?? beforePer90Days
  const afterRate = afterPer1kCustomers ?? afterPer90Days
  // Expected after-period tickets had the before rate held, in the after period's customers and length.
  const scale = (after.days / RATE_DAYS) * (after.activeCustomers === null ? 1 : after.activeCustomers / 1000)
  return {
    beforePer90Days,
    afterPer90Days,
    beforePer1kCustomers,
    afterPer1kCustomers,
    changeShare: beforeRate === 0 ? null : (afterRate - beforeRate) / beforeRate,
    deflectedTickets: beforeRate * scale - afterTickets,
  }
}

function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}
