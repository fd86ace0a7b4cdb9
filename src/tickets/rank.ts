import type { ReasonSummary } from './audit-summary'
import type { ReasonStats } from './reason-stats'
import { isAbsorbable, UNCLASSIFIED, type PortalScreen, type Taxonomy } from './taxonomy'

/** How many reasons `reasons-ranked.csv` lists. */
export const RANKED_REASONS_LISTED = 15

export const UNCLASSIFIED_LABEL = 'Unclassified (below the confidence threshold)'

export interface ReasonMeta {
  readonly id: string
  readonly label: string
  readonly portalScreen: PortalScreen
}

/** The taxonomy's reasons plus the unclassified bucket, which a person has to read. */
export function reasonMetas(taxonomy: Taxonomy): ReasonMeta[] {
  return [...taxonomy.reasons, { id: UNCLASSIFIED, label: UNCLASSIFIED_LABEL, portalScreen: 'stays-with-support' }]
}

/**
 * Orders reasons by ticket count (then cost, then id, so ties are stable) and computes
 * shares of all tagged tickets, the running (Pareto) share and the rank.
 */
export function rankReasons(metas: readonly ReasonMeta[], stats: ReadonlyMap<string, ReasonStats>): ReasonSummary[] {
  const total = metas.reduce((sum, meta) => sum + (stats.get(meta.id)?.tickets ?? 0), 0)
  const ordered = metas
    .map((meta) => ({ meta, stat: stats.get(meta.id) }))
    .sort((a, b) => (b.stat?.tickets ?? 0) - (a.stat?.tickets ?? 0) || (b.stat?.cost ?? 0) - (a.stat?.cost ?? 0) || a.meta.id.localeCompare(b.meta.id))
  let cumulative = 0
  return ordered.map(({ meta, stat }, index) => {
    const tickets = stat?.tickets ?? 0
    cumulative += tickets
    return {
      rank: index + 1,
      id: meta.id,
      label: meta.label,
      portalScreen: meta.portalScreen,
      absorbable: isAbsorbable(meta.portalScreen),
      tickets,
      share: total === 0 ? 0 : tickets / total,
      cumulativeShare: total === 0 ? 0 : cumulative / total,
      resolvedTickets: stat?.resolutionHours.count ?? 0,
      medianResolutionHours: stat?.resolutionHours.median() ?? null,
      medianIsExact: stat?.resolutionHours.isExact ?? true,
      handleMinutes: stat?.handleMinutes ?? 0,
      cost: stat?.cost ?? 0,
      examples: stat ? [...stat.examples] : [],
      ticketsPerDay: stat ? [...stat.ticketsPerDay].sort((a, b) => a[0] - b[0]) : [],
    }
  })
}

/** Share of tickets covered by the `count` largest reasons. */
export function topShare(ranked: readonly ReasonSummary[], count: number): number {
  return ranked.length === 0 ? 0 : ranked[Math.min(count, ranked.length) - 1]!.cumulativeShare
}

export function absorbableShare(ranked: readonly ReasonSummary[]): number {
  return ranked.reduce((sum, reason) => sum + (reason.absorbable ? reason.share : 0), 0)
}
