'use client'

import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'

import { Alert } from '@/components/ui/Alert'
import type { HelpArticleDetail, HelpArticleSummary } from '@/help/help-article-view'
import { useT } from '@/components/locale-provider'

import { fetchArticle, fetchArticlesFor, recordHelpEvent, searchArticles } from './help-api'
import { HelpArticle } from './help-article'
import styles from './help-drawer.module.css'

/** `?help=<slug>` opens the drawer on that article (links from empty states use it). */
export const HELP_PARAM = 'help'

type View = { kind: 'list' } | { kind: 'search'; q: string; results: HelpArticleSummary[] } | { kind: 'article'; article: HelpArticleDetail; from: 'list' | 'search' }

/**
 * "Help" in the header: a modal dialog (the browser traps focus in it and Esc closes it; focus
 * goes back to the button) with this screen's articles, search across all published ones, and
 * the article itself. Everything is a button or a form, so it works from the keyboard alone.
 */
export function HelpDrawer({ supportHref }: { supportHref: string }) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const [path, setPath] = useState('/account')
  const [articles, setArticles] = useState<HelpArticleSummary[] | null>(null)
  const [view, setView] = useState<View>({ kind: 'list' })
  const [lastSearch, setLastSearch] = useState<Extract<View, { kind: 'search' }> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [searchError, setSearchError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const showArticle = useCallback(async (key: string | number, from: 'list' | 'search', pagePath: string) => {
    setBusy(true)
    const result = await fetchArticle(key)
    setBusy(false)
    if (!result.ok) return setError(result.message)
    setError(null)
    setView({ kind: 'article', article: result.data.article, from })
    recordHelpEvent({ kind: 'viewed', path: pagePath, articleId: result.data.article.id })
  }, [])

  const open = useCallback(async (slug?: string) => {
    const pagePath = window.location.pathname
    setPath(pagePath)
    setError(null)
    setView({ kind: 'list' })
    if (!dialog.current?.open) dialog.current?.showModal()
    recordHelpEvent({ kind: 'opened', path: pagePath })
    const list = fetchArticlesFor(pagePath).then((result) => (result.ok ? setArticles(result.data.articles) : setError(result.message)))
    if (slug) await showArticle(slug, 'list', pagePath)
    await list
  }, [showArticle])

  useEffect(() => {
    const slug = new URLSearchParams(window.location.search).get(HELP_PARAM)
    if (slug) void open(slug)
  }, [open])

  const onClose = () => {
    // The link that opened it shouldn't reopen it on reload.
    const url = new URL(window.location.href)
    if (url.searchParams.has(HELP_PARAM)) {
      url.searchParams.delete(HELP_PARAM)
      window.history.replaceState(window.history.state, '', url)
    }
    opener.current?.focus()
  }

  const search = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim()
    setBusy(true)
    const result = await searchArticles(q)
    setBusy(false)
    if (!result.ok) return setSearchError(result.fields.q ?? result.message)
    setSearchError(null)
    const next = { kind: 'search' as const, q, results: result.data.articles }
    setLastSearch(next)
    setView(next)
  }

  const articleList = (list: HelpArticleSummary[], from: 'list' | 'search') => (
    <ul className={styles.list}>
      {list.map((entry) => (
        <li key={entry.id}>
          <button type="button" className={styles.linkButton} onClick={() => void showArticle(entry.id, from, path)}>{entry.title}</button>
        </li>
      ))}
    </ul>
  )

  return (
    <>
      <button ref={opener} type="button" className="button" data-variant="secondary" onClick={() => void open()} aria-haspopup="dialog">
        {t('help.button')}
      </button>
      <dialog ref={dialog} className={styles.drawer} aria-labelledby="help-title" aria-busy={busy || undefined} onClose={onClose}>
        <div className="stack">
          <div className={styles.header}>
            <h2 id="help-title">{t('help.title')}</h2>
            <button type="button" className="button" data-variant="secondary" onClick={() => dialog.current?.close()}>{t('help.close')}</button>
          </div>
          <form role="search" className={styles.searchRow} onSubmit={search} noValidate>
            <label htmlFor="help-search" className="visually-hidden">{t('help.search.label')}</label>
            <input id="help-search" name="q" type="search" maxLength={200} placeholder={t('help.search.label')} aria-invalid={searchError ? true : undefined} aria-describedby={searchError ? 'help-search-error' : undefined} />
            <button type="submit" className="button" disabled={busy}>{t('help.search.submit')}</button>
          </form>
          {searchError ? <span id="help-search-error" className="field-error">{searchError}</span> : null}
          {error ? <Alert tone="danger">{error}</Alert> : null}

          {view.kind === 'article' ? (
            <HelpArticle article={view.article} path={path} supportHref={supportHref} onBack={() => setView(view.from === 'search' && lastSearch ? lastSearch : { kind: 'list' })} />
          ) : view.kind === 'search' ? (
            <section aria-labelledby="help-results-title" className="stack">
              <h3 id="help-results-title">{t('help.search.results', { q: view.q })}</h3>
              {view.results.length ? articleList(view.results, 'search') : <p>{t('help.search.none', { q: view.q })}</p>}
              <button type="button" className={styles.linkButton} onClick={() => setView({ kind: 'list' })}>← {t('help.back')}</button>
            </section>
          ) : (
            <section aria-labelledby="help-list-title" className="stack">
              <h3 id="help-list-title">{t('help.forThisPage')}</h3>
              {articles === null ? <p className="muted">{t('help.loading')}</p> : articles.length ? articleList(articles, 'list') : <p>{t('help.none')}</p>}
            </section>
          )}

          {view.kind !== 'article' ? (
            <section className={styles.section} aria-labelledby="help-support-title">
              <h3 id="help-support-title">{t('help.stillNeed.title')}</h3>
              <p>{t('help.stillNeed.body')}</p>
              <a href={supportHref} onClick={() => recordHelpEvent({ kind: 'contacted_support', path })}>{t('help.stillNeed.link')}</a>
            </section>
          ) : null}
        </div>
      </dialog>
    </>
  )
}
