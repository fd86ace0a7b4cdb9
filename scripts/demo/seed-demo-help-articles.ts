import type { Payload } from 'payload'

import { helpArticleBody } from './help-article-body'
import { demoHelpArticles } from './help-articles-content'

/**
 * Publishes the demo's help articles (help-articles-content.ts). Idempotent by slug: an article that
 * exists is left as it is, so what staff edited in /admin survives a re-seed.
 */
export async function seedDemoHelpArticles(payload: Payload, { now = new Date() }: { now?: Date } = {}): Promise<{ created: number }> {
  const { docs } = await payload.find({ collection: 'help-articles', where: { slug: { in: demoHelpArticles.map((article) => article.slug) } }, limit: demoHelpArticles.length, depth: 0, draft: true, overrideAccess: true, select: { slug: true } })
  const existing = new Set(docs.map((doc) => doc.slug))
  let created = 0
  for (const article of demoHelpArticles) {
    if (existing.has(article.slug)) continue
    await payload.create({
      collection: 'help-articles',
      data: {
        title: article.title,
        slug: article.slug,
        section: article.section,
        order: article.order,
        keywords: article.keywords,
        routes: article.routes.map((pattern) => ({ pattern })),
        body: helpArticleBody(article.body) as never,
        lastReviewedAt: now.toISOString(),
        _status: 'published',
      },
      overrideAccess: true,
    })
    created++
  }
  return { created }
}
