import type { LanguageSummary } from '../audit-summary'
import { UNCLASSIFIED } from '../taxonomy'
import { PORTAL_LOCALES } from './portal-locales'

interface Tally {
  tickets: number
  cost: number
  absorbable: number
  unclassified: number
  confidence: number
}

/** Per detected language: tickets, human cost, absorbable and unclassified counts (memory grows with languages, not tickets). */
export class LanguageStats {
  private readonly tallies = new Map<string, Tally>()

  add(language: string, reason: string, absorbable: boolean, cost: number, confidence: number): void {
    let tally = this.tallies.get(language)
    if (tally === undefined) {
      tally = { tickets: 0, cost: 0, absorbable: 0, unclassified: 0, confidence: 0 }
      this.tallies.set(language, tally)
    }
    tally.tickets++
    tally.cost += cost
    if (absorbable) tally.absorbable++
    if (reason === UNCLASSIFIED) tally.unclassified++
    tally.confidence += confidence
  }

  /**
   * Languages by ticket count. A language outside the portal's catalog is "add next" when its
   * share reaches `localeThreshold`; undetermined text never is.
   */
  summarize(localeThreshold: number, portalLocales: readonly string[] = PORTAL_LOCALES): LanguageSummary[] {
    const total = [...this.tallies.values()].reduce((sum, tally) => sum + tally.tickets, 0)
    return [...this.tallies]
      .sort((a, b) => b[1].tickets - a[1].tickets || a[0].localeCompare(b[0]))
      .map(([language, tally]) => {
        const share = total === 0 ? 0 : tally.tickets / total
        const inCatalog = portalLocales.includes(language)
        return {
          language,
          tickets: tally.tickets,
          share,
          cost: tally.cost,
          absorbableShare: tally.absorbable / tally.tickets,
          unclassifiedShare: tally.unclassified / tally.tickets,
          meanConfidence: tally.confidence / tally.tickets,
          inCatalog,
          addNext: !inCatalog && language !== 'und' && share >= localeThreshold,
        }
      })
  }
}
