'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'

import { Alert } from '@/components/ui/Alert'
import { useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'

/** The owner's cap on new keys' lifetime, in days; empty for no cap. */
export function LifetimePolicyForm({ maxLifetimeDays }: { maxLifetimeDays: number | null }) {
  const t = useT()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ tone: 'danger' | 'success'; text: string } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const raw = String(new FormData(event.currentTarget).get('days') ?? '').trim()
    setBusy(true)
    setNotice(null)
    const result = await portalFetch('/api/api-keys/policy', { method: 'PUT', body: { maxLifetimeDays: raw === '' ? null : Number(raw) } })
    setBusy(false)
    if (!result.ok) {
      setError(result.fields.maxLifetimeDays ?? null)
      if (!result.fields.maxLifetimeDays) setNotice({ tone: 'danger', text: result.message })
      return
    }
    setError(null)
    setNotice({ tone: 'success', text: t('api-keys.policy.saved') })
    router.refresh()
  }

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <p className="muted">{t('api-keys.policy.intro')}</p>
      <div className="field">
        <label htmlFor="policy-days">{t('api-keys.policy.days')}</label>
        <input id="policy-days" name="days" type="number" inputMode="numeric" min={1} max={3650} step={1} defaultValue={maxLifetimeDays ?? ''} placeholder={t('api-keys.policy.none')} aria-invalid={error ? true : undefined} aria-describedby={error ? 'policy-days-error' : undefined} />
        {error ? <span id="policy-days-error" className="field-error" role="alert">{error}</span> : null}
      </div>
      <div className="row">
        <button type="submit" className="button" disabled={busy}>{busy ? t('api-keys.working') : t('api-keys.policy.save')}</button>
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
    </form>
  )
}
