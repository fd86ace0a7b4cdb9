'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'

import type { Enrolment } from '@/account/two-factor/start-enrolment'
import { useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'

import { RecoveryCodes } from './recovery-codes'

type Step = { kind: 'start' } | { kind: 'scan'; enrolment: Enrolment } | { kind: 'codes'; codes: string[] }

/** Enrolment: a new secret (QR + key) → a code from the app turns it on → the recovery codes, shown once. */
export function TwoFactorSetup() {
  const t = useT()
  const router = useRouter()
  const [step, setStep] = useState<Step>({ kind: 'start' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const start = async () => {
    setBusy(true)
    const result = await portalFetch<Enrolment>('/api/portal/account/two-factor/setup')
    setBusy(false)
    if (result.ok) setStep({ kind: 'scan', enrolment: result.data })
    else setError(result.message)
  }

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setBusy(true)
    const code = String(new FormData(event.currentTarget).get('code') ?? '')
    const result = await portalFetch<{ recoveryCodes: string[] }>('/api/portal/account/two-factor/enable', { body: { code } })
    setBusy(false)
    if (result.ok) {
      setError('')
      setStep({ kind: 'codes', codes: result.data.recoveryCodes })
    } else setError(result.fields.code ?? result.message)
  }

  if (step.kind === 'start') {
    return (
      <div className="stack">
        <div className="row"><button type="button" className="button" onClick={start} disabled={busy}>{t('twoFactor.setup')}</button></div>
        {error ? <p role="alert" className="field-error">{error}</p> : null}
      </div>
    )
  }
  if (step.kind === 'scan') {
    return (
      <form className="stack" onSubmit={confirm} noValidate>
        <p>{t('twoFactor.scan')}</p>
        {/* Our own SVG from the qrcode package, rendered server-side from the otpauth URI. */}
        <div role="img" aria-label={t('twoFactor.qrLabel')} style={{ width: 200 }} dangerouslySetInnerHTML={{ __html: step.enrolment.qrSvg }} />
        <p>{t('twoFactor.key')}: <code data-testid="totp-key">{step.enrolment.key}</code></p>
        <div className="field">
          <label htmlFor="two-factor-code">{t('twoFactor.code')}</label>
          <input id="two-factor-code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} aria-invalid={error ? true : undefined} aria-describedby={error ? 'two-factor-code-error' : undefined} />
          {error ? <span id="two-factor-code-error" className="field-error" role="alert">{error}</span> : null}
        </div>
        <div className="row"><button type="submit" className="button" disabled={busy}>{t('twoFactor.enable')}</button></div>
      </form>
    )
  }
  return <RecoveryCodes codes={step.codes} onDone={() => router.refresh()} />
}
