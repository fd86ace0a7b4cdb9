import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { requestDb } from '../lib/transaction-db'

const DAY_MS = 86_400_000

export type DeflectionRow = {
  views: number
  answeredYes: number
  answeredNo: number
  /** yes / (yes + no); null before anyone answered. */
  helpfulRate: number | null
  /** Views at least 24 h old: the ones whose outcome is known. */
  settledViews: number
  /** Of those, the views the same user followed with no feedback and no "Still need help?" within 24 h. */
  noTicketIn24h: number
  noTicketRate: number | null
}
export type ArticleDeflection = DeflectionRow & { articleId: number; title: string; section: string }
export type ScreenDeflection = DeflectionRow & { screen: string; opened: number }
export type HelpDeflection = { since: string; articles: ArticleDeflection[]; screens: ScreenDeflection[] }

type Counts = { views: unknown; yes: unknown; no: unknown; settled: unknown; no_ticket: unknown }

const rate = (part: number, whole: number) => (whole ? part / whole : null)

function deflectionRow(counts: Counts): DeflectionRow {
  const [views, answeredYes, answeredNo, settledViews, noTicketIn24h] = [counts.views, counts.yes, counts.no, counts.settled, counts.no_ticket].map(Number) as [number, number, number, number, number]
  return { views, answeredYes, answeredNo, helpfulRate: rate(answeredYes, answeredYes + answeredNo), settledViews, noTicketIn24h, noTicketRate: rate(noTicketIn24h, settledViews) }
}

/**
 * Did the help answer it? Per article and per screen over `days` up to `now`: views, the helpful
 * rate from "Did this answer your question?", and of the views old enough to tell, the share the
 * same user followed within 24 h by neither feedback nor "Still need help?" (the portal has no
 * ticket feed; those two are the tickets it sees).
 */
export async function helpDeflection(payload: Payload, { now, days = 90 }: { now: Date; days?: number }): Promise<HelpDeflection> {
  const since = new Date(now.getTime() - days * DAY_MS)
  const settledBefore = new Date(now.getTime() - DAY_MS)
  const db = await requestDb(payload, undefined)
  const outcomes = sql`
    WITH events AS (
      SELECT e.* FROM help_events e WHERE e.created_at >= ${since.toISOString()} AND e.created_at <= ${now.toISOString()}
    ),
    views AS (
      SELECT v.id, v.article_id, v.screen, v.created_at <= ${settledBefore.toISOString()} AS settled,
        NOT EXISTS (SELECT 1 FROM customer_feedback f WHERE f.user_id = v.user_id AND f.created_at >= v.created_at AND f.created_at < v.created_at + interval '24 hours')
        AND NOT EXISTS (SELECT 1 FROM help_events c WHERE c.kind = 'contacted_support' AND c.user_id = v.user_id AND c.created_at >= v.created_at AND c.created_at < v.created_at + interval '24 hours') AS quiet
      FROM events v WHERE v.kind = 'viewed'
    )`
  const [byArticle, byScreen] = await Promise.all([
    db.execute(sql`${outcomes}
      SELECT a.id AS article_id, a.title, a.section,
        count(DISTINCT v.id) AS views,
        (SELECT count(*) FROM events y WHERE y.kind = 'answered' AND y.article_id = a.id AND y.helpful) AS yes,
        (SELECT count(*) FROM events n WHERE n.kind = 'answered' AND n.article_id = a.id AND NOT n.helpful) AS no,
        count(DISTINCT v.id) FILTER (WHERE v.settled) AS settled,
        count(DISTINCT v.id) FILTER (WHERE v.settled AND v.quiet) AS no_ticket
      FROM help_articles a LEFT JOIN views v ON v.article_id = a.id
      GROUP BY a.id, a.title, a.section
      ORDER BY count(DISTINCT v.id) DESC, a.title`),
    db.execute(sql`${outcomes}
      SELECT s.screen,
        (SELECT count(*) FROM events o WHERE o.kind = 'opened' AND o.screen = s.screen) AS opened,
        (SELECT count(*) FROM views w WHERE w.screen = s.screen) AS views,
        (SELECT count(*) FROM events y WHERE y.kind = 'answered' AND y.screen = s.screen AND y.helpful) AS yes,
        (SELECT count(*) FROM events n WHERE n.kind = 'answered' AND n.screen = s.screen AND NOT n.helpful) AS no,
        (SELECT count(*) FROM views w WHERE w.screen = s.screen AND w.settled) AS settled,
        (SELECT count(*) FROM views w WHERE w.screen = s.screen AND w.settled AND w.quiet) AS no_ticket
      FROM (SELECT DISTINCT screen FROM events) s
      ORDER BY s.screen`),
  ])
  return {
    since: since.toISOString(),
    articles: (byArticle.rows as (Counts & { article_id: unknown; title: string; section: string })[]).map((row) => ({ articleId: Number(row.article_id), title: row.title, section: row.section, ...deflectionRow(row) })),
    screens: (byScreen.rows as (Counts & { screen: string; opened: unknown })[]).map((row) => ({ screen: row.screen, opened: Number(row.opened), ...deflectionRow(row) })),
  }
}
