import type { Payload } from 'payload'

import { toSummary, type HelpArticleSummary } from './help-article-view'
import { isHelpSection } from './help-sections'
import { routePatternScore } from './route-pattern'
import { screenForPath } from './screen-for-path'

/** The drawer shows at most this many on a screen, and tops up from `general` below the minimum. */
export const MAX_ARTICLES = 5
export const MIN_ARTICLES = 3

// The drawer's whole catalogue is a few dozen articles; this is a guard, not a page size.
const CATALOGUE_LIMIT = 1_000

/**
 * The published articles for one screen: those whose route patterns match the path (best match
 * first), then the rest of the screen's section, then `general` ones until there are three; each
 * group by its `order`. Read per request, so a publish in /admin shows on the next page load.
 */
export async function articlesForPath(payload: Payload, path: string): Promise<HelpArticleSummary[]> {
  const { docs } = await payload.find({
    collection: 'help-articles',
    where: { _status: { equals: 'published' } },
    draft: false,
    depth: 0,
    limit: CATALOGUE_LIMIT,
    sort: 'order',
    // Customers never read the collection (staff only); this reads what is published, for them.
    overrideAccess: true,
    select: { title: true, slug: true, section: true, order: true, routes: true },
  })
  const screen = screenForPath(path)
  const section = isHelpSection(screen) ? screen : 'general'
  const scored = docs.map((doc) => {
    const scores = (doc.routes ?? []).map((route) => routePatternScore(route.pattern, path)).filter((score): score is number => score !== null)
    return { doc, score: scores.length ? Math.max(...scores) : null }
  })
  const byOrder = (a: { doc: { order?: number | null } }, b: { doc: { order?: number | null } }) => (a.doc.order ?? 0) - (b.doc.order ?? 0)
  const routed = scored.filter((entry) => entry.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || byOrder(a, b))
  const inSection = scored.filter((entry) => entry.score === null && entry.doc.section === section).sort(byOrder)
  const picked = [...routed, ...inSection].slice(0, MAX_ARTICLES)
  if (picked.length < MIN_ARTICLES) {
    picked.push(...scored.filter((entry) => entry.score === null && entry.doc.section === 'general' && section !== 'general').sort(byOrder).slice(0, MIN_ARTICLES - picked.length))
  }
  return picked.map(({ doc }) => toSummary(doc))
}
