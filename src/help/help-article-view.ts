import type { HelpSection } from './help-sections'

/** An article as the drawer lists it. */
export type HelpArticleSummary = { id: number; slug: string; title: string; section: HelpSection }

/** An article as the drawer shows it: the rich text already rendered to HTML on the server. */
export type HelpArticleDetail = HelpArticleSummary & { html: string; lastReviewedAt: string | null }

export const toSummary = (doc: { id: number; slug: string; title: string; section: HelpSection }): HelpArticleSummary => ({ id: doc.id, slug: doc.slug, title: doc.title, section: doc.section })
