import { t } from '@/i18n/t'

/** Shown while a new filter's first page comes from Stripe. */
export default function Loading() {
  return (
    <div className="stack">
      <h1>{t('invoices.title')}</h1>
      <p role="status" aria-live="polite" className="muted">{t('invoices.loading')}</p>
    </div>
  )
}
