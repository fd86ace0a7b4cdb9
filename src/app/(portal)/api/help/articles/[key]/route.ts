import { findPublishedArticle } from '@/help/find-published-article'
import { t } from '@/i18n/t'
import { PortalError } from '@/lib/api/portal-error'
import { portalRoute } from '@/lib/api/portal-route'

/** GET /api/help/articles/:idOrSlug — one published article, its body as server-rendered HTML. */
export const GET = portalRoute({ screen: 'account', action: 'org.read' }, async ({ payload, params }) => {
  const key = params.key ?? ''
  const article = /^[a-z0-9-]{1,100}$/.test(key) ? await findPublishedArticle(payload, key) : null
  if (!article) throw new PortalError('not_found', t('help.error.articleNotFound'))
  return { article }
})
