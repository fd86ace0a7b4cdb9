import type { HelpArticleDetail, HelpArticleSummary } from '@/help/help-article-view'
import { t } from '@/i18n/t'
import { portalFetch } from '@/lib/api/portal-fetch'

/** The drawer's calls to /api/help, through the portal's one typed fetch helper. */
const fallback = t('help.loadFailed')

export const fetchArticlesFor = (path: string) => portalFetch<{ articles: HelpArticleSummary[] }>(`/api/help/articles?path=${encodeURIComponent(path)}`, { method: 'GET', fallback })

export const fetchArticle = (key: string | number) => portalFetch<{ article: HelpArticleDetail }>(`/api/help/articles/${encodeURIComponent(String(key))}`, { method: 'GET', fallback })

export const searchArticles = (q: string) => portalFetch<{ articles: HelpArticleSummary[] }>(`/api/help/search?q=${encodeURIComponent(q)}`, { method: 'GET', fallback })

export const sendAnswer = (articleId: number, body: { helpful: boolean; reason?: string; path: string }) => portalFetch<{ id: number }>(`/api/help/articles/${articleId}/feedback`, { body, fallback })

/** Deflection counting is best effort: a lost click must never get in the customer's way. */
export const recordHelpEvent = (body: { kind: 'opened' | 'viewed' | 'contacted_support'; path: string; articleId?: number }) => {
  void portalFetch('/api/help/events', { body, fallback })
}
