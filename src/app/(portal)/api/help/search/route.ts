import { HelpSearchQuery } from '@/help/help-search-query'
import { searchHelpArticles } from '@/help/search-help-articles'
import { portalRoute } from '@/lib/api/portal-route'

/** GET /api/help/search?q= — published articles, best match first (full-text with prefixes, trigram for typos). */
export const GET = portalRoute({ screen: 'account', action: 'org.read', schema: HelpSearchQuery }, async ({ payload, body }) => ({ articles: await searchHelpArticles(payload, body.q) }))
