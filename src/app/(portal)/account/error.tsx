'use client'

import { useT } from '@/components/locale-provider'

/** A page that failed to render, inside the shell: what happened, a retry, and the reference support can look up in the log. */
export default function AccountError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT()
  return (
    <section className="card" aria-labelledby="account-error-title" role="alert">
      <div className="stack">
        <h2 id="account-error-title">{t('error.failed.title')}</h2>
        <p>{t('error.failed.body')}</p>
        {error.digest ? <p className="muted">{t('error.failed.reference', { digest: error.digest })}</p> : null}
        <div className="row">
          <button type="button" className="button" onClick={reset}>{t('error.failed.retry')}</button>
          <a href="/account">{t('error.notFound.back')}</a>
        </div>
      </div>
    </section>
  )
}
