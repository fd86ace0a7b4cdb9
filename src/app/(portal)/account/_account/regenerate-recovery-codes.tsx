'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'

import { useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'

import { RecoveryCodes } from './recovery-codes'

/** A current code (or a recovery code) in, a new set of recovery codes out, shown once; the old set stops working. */
export function RegenerateRecoveryCodes() {
  const t = useT()
  const router = useRouter()
  const [codes, setCodes] = useState<string[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setBusy(true)
    const code = String(new FormData(event.currentTarget).get('code') ?? '')
    const result = await portalFetch<{ recoveryCodes: string[] }>('/api/portal/account/two-factor/recovery-codes', { body: { code } })
    setBusy(false)
    if (result.ok) {
      setError('')
      setCodes(result.data.recoveryCodes)
    } else setError(result.fields.code ?? result.message)
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={() => router.refresh()} />
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p className="muted">{t('twoFactor.regenerate.intro')}</p>
      <div className="field">
        <label htmlFor="regenerate-code">{t('twoFactor.disableCode')}</label>
        <input id="regenerate-code" name="code" autoComplete="one-time-code" required aria-invalid={error ? true : undefined} aria-describedby={error ? 'regenerate-code-error' : undefined} />
        {error ? <span id="regenerate-code-error" className="field-error" role="alert">{error}</span> : null}
      </div>
      <div className="row"><button type="submit" className="button" data-variant="secondary" disabled={busy} aria-busy={busy}>{t('twoFactor.regenerate.submit')}</button></div>
    </form>
  )
}
