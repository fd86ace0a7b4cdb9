'use client'

import { type FormEvent, useEffect, useRef, useState } from 'react'

import { Alert } from '@/components/ui/Alert'
import type { HelpArticleDetail } from '@/help/help-article-view'
import { useT, useUiLocale } from '@/components/locale-provider'
import { formatDate } from '@/i18n/formatters'

import { recordHelpEvent, sendAnswer } from './help-api'
import styles from './help-drawer.module.css'

type Props = { article: HelpArticleDetail; path: string; supportHref: string; onBack: () => void }

/**
 * One article: its body (HTML rendered on the server by Payload's Lexical converter, which escapes
 * text and sanitises links), then "Did this answer your question?" and "Still need help?".
 */
export function HelpArticle({ article, path, supportHref, onBack }: Props) {
  const t = useT()
  const locale = useUiLocale()
  const heading = useRef<HTMLHeadingElement>(null)
  const thanks = useRef<HTMLDivElement>(null)
  const [answer, setAnswer] = useState<'asking' | 'why-not' | 'thanks'>('asking')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // Focus follows the content, so a keyboard or screen-reader user lands on what just opened.
  useEffect(() => heading.current?.focus(), [article.id])
  // The buttons that were focused are gone once answered; focus the thanks rather than lose it.
  useEffect(() => {
    if (answer === 'thanks') thanks.current?.focus()
  }, [answer])

  const send = async (helpful: boolean, reason?: string) => {
    setBusy(true)
    const result = await sendAnswer(article.id, { helpful, reason: reason || undefined, path })
    setBusy(false)
    if (!result.ok) return setError(Object.values(result.fields)[0] ?? result.message)
    setError(null)
    setAnswer('thanks')
  }

  const sendReason = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void send(false, String(new FormData(event.currentTarget).get('reason') ?? '').trim())
  }

  return (
    <article className="stack" aria-labelledby="help-article-title">
      <button type="button" className={styles.linkButton} onClick={onBack}>← {t('help.back')}</button>
      <h3 id="help-article-title" ref={heading} tabIndex={-1}>{article.title}</h3>
      <div className={styles.article} dangerouslySetInnerHTML={{ __html: article.html }} />
      {article.lastReviewedAt ? <p className="muted">{t('help.lastReviewed', { date: formatDate(article.lastReviewedAt, { locale }) })}</p> : null}

      <section className={styles.section} aria-labelledby="help-answer-title">
        <h4 id="help-answer-title">{t('help.answer.question')}</h4>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {answer === 'thanks' ? (
          <div ref={thanks} tabIndex={-1}><Alert tone="success">{t('help.answer.thanks')}</Alert></div>
        ) : answer === 'why-not' ? (
          <form className="stack" onSubmit={sendReason}>
            <div className="field">
              <label htmlFor="help-answer-reason">{t('help.answer.reason')}</label>
              <textarea id="help-answer-reason" name="reason" rows={3} maxLength={1_000} autoFocus />
            </div>
            <div className="row">
              <button type="submit" className="button" disabled={busy}>{t('help.answer.send')}</button>
            </div>
          </form>
        ) : (
          <div className="row">
            <button type="button" className="button" data-variant="secondary" disabled={busy} onClick={() => void send(true)}>{t('help.answer.yes')}</button>
            <button type="button" className="button" data-variant="secondary" disabled={busy} onClick={() => setAnswer('why-not')}>{t('help.answer.no')}</button>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="help-still-title">
        <h4 id="help-still-title">{t('help.stillNeed.title')}</h4>
        <p>{t('help.stillNeed.body')}</p>
        <a href={supportHref} onClick={() => recordHelpEvent({ kind: 'contacted_support', path, articleId: article.id })}>{t('help.stillNeed.link')}</a>
      </section>
    </article>
  )
}
