import { articlesForPath } from '@/help/articles-for-path'
import { HelpArticlesQuery } from '@/help/help-event-input'
import { portalRoute } from '@/lib/api/portal-route'

/** GET /api/help/articles?path=/account/billing — the Help drawer's 3–5 published articles for that screen. */
export const GET = portalRoute({ screen: 'account', action: 'org.read', schema: HelpArticlesQuery }, async ({ payload, body }) => ({ articles: await articlesForPath(payload, body.path) }))
