import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { requestDb } from '../lib/transaction-db'
import type { HelpArticleSummary } from './help-article-view'
import type { HelpSection } from './help-sections'
import { searchWords } from './help-search-query'

export const SEARCH_LIMIT = 10

/**
 * How close a typo may be to a title word (pg_trgm word similarity, 0–1). The default 0.6 misses
 * one-letter slips in short words ("invoce" → "invoices" is 0.57); below 0.4 unrelated words match.
 */
const TYPO_THRESHOLD = '0.45'

type Row = { id: number; slug: string; title: string; section: HelpSection }

/**
 * Full-text search over published articles (title over keywords over body, see the migration's
 * `search_vector`), every word also matching as a prefix ("invo" finds invoices). A title equal
 * to the query ranks first, then articles holding every word, then by weighted rank; titles within
 * a typo of the query (pg_trgm, indexed) are found when no word matches.
 */
export async function searchHelpArticles(payload: Payload, q: string): Promise<HelpArticleSummary[]> {
  const words = searchWords(q)
  if (!words.length) return []
  const phrase = words.join(' ')
  const anyWord = words.map((word) => `${word}:*`).join(' | ')
  const everyWord = words.map((word) => `${word}:*`).join(' & ')
  const db = await requestDb(payload, undefined)
  const rows = await db.transaction(async (tx) => {
    // Scoped to this transaction, so the `<%` operator (which the trigram index serves) uses it.
    await tx.execute(sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${TYPO_THRESHOLD}, true)`)
    const { rows } = await tx.execute(sql`
      SELECT a.id, a.slug, a.title, a.section
      FROM help_articles a, to_tsquery('english', ${anyWord}) AS any_word, to_tsquery('english', ${everyWord}) AS every_word
      WHERE a._status = 'published'
        AND (a.search_vector @@ any_word OR ${phrase} <% a.title)
      ORDER BY
        lower(a.title) = ${phrase.toLowerCase()} OR lower(a.title) = lower(${q.trim()}) DESC,
        a.search_vector @@ every_word DESC,
        ts_rank(a.search_vector, any_word) DESC,
        word_similarity(${phrase}, a.title) DESC,
        a.id
      LIMIT ${SEARCH_LIMIT}
    `)
    return rows as Row[]
  })
  return rows.map((row) => ({ id: Number(row.id), slug: row.slug, title: row.title, section: row.section }))
}
