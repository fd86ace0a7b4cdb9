'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'

import type { Enrolment } from '@/account/two-factor/start-enrolment'
import { t } from '@/i18n/t'
import { portalFetch } from '@/lib/api/portal-fetch'

import { staffTwoFactorApi } from './staff-two-factor-api'

type Step = { kind: 'idle' } | { kind: 'scan'; enrolment: Enrolment } | { kind: 'codes'; codes: string[] }
type Props = { apiRoute: string; enabledAt: string | null; recoveryCodesLeft: number }

/**
 * A staff member's own second factor in /admin: set it up (QR + key → a code turns it on → the
 * recovery codes, shown once); once on, new recovery codes or turning it off, each needing a code.
 */
export function StaffTwoFactorSettings({ apiRoute, enabledAt, recoveryCodesLeft }: Props) {
  const router = useRouter()
  const [step, setStep] = useState<Step>({ kind: 'idle' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const call = async <T,>(action: Parameters<typeof staffTwoFactorApi>[1], body?: unknown): Promise<T | null> => {
    setBusy(true)
    setError('')
    const result = await portalFetch<T>(staffTwoFactorApi(apiRoute, action), { body })
    setBusy(false)
    if (result.ok) return result.data
    setError(result.fields.code ?? result.message)
    return null
  }
  const codeOf = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    return String(new FormData(event.currentTarget).get('code') ?? '')
  }
  const start = async () => {
    const enrolment = await call<Enrolment>('setup')
    if (enrolment) setStep({ kind: 'scan', enrolment })
  }
  const enable = async (event: FormEvent<HTMLFormElement>) => {
    const answer = await call<{ recoveryCodes: string[] }>('enable', { code: codeOf(event) })
    if (answer) setStep({ kind: 'codes', codes: answer.recoveryCodes })
  }
  const regenerate = async (event: FormEvent<HTMLFormElement>) => {
    const answer = await call<{ recoveryCodes: string[] }>('recovery-codes', { code: codeOf(event) })
    if (answer) setStep({ kind: 'codes', codes: answer.recoveryCodes })
  }
  const disable = async (event: FormEvent<HTMLFormElement>) => {
    if (await call('disable', { code: codeOf(event) })) router.refresh()
  }
  const codeField = (label: string) => (
    <div className="field-type text">
      <label className="field-label">
        {label} <input name="code" autoComplete="one-time-code" required />
      </label>
    </div>
  )
  const alert = error ? <p role="alert">{error}</p> : null

  if (step.kind === 'codes') {
    return (
      <section>
        <h2>{t('twoFactor.recovery.title')}</h2>
        <p>{t('twoFactor.recovery.intro')}</p>
        <ul data-testid="recovery-codes">{step.codes.map((code) => <li key={code}><code>{code}</code></li>)}</ul>
        <button type="button" className="btn btn--style-primary" onClick={() => { setStep({ kind: 'idle' }); router.refresh() }}>{t('twoFactor.recovery.done')}</button>
      </section>
    )
  }
  if (step.kind === 'scan') {
    return (
      <form onSubmit={enable}>
        <p>{t('twoFactor.scan')}</p>
        {/* Rendered server-side by the qrcode package from our own key: no markup from outside. */}
        <div role="img" aria-label={t('twoFactor.qrLabel')} style={{ width: 200, background: '#fff' }} dangerouslySetInnerHTML={{ __html: step.enrolment.qrSvg }} />
        <p>{t('twoFactor.key')}: <code data-testid="totp-key">{step.enrolment.key}</code></p>
        {codeField(t('twoFactor.code'))}
        {alert}
        <button type="submit" className="btn btn--style-primary" disabled={busy}>{t('twoFactor.enable')}</button>
      </form>
    )
  }
  if (!enabledAt) {
    return (
      <section>
        <p>{t('twoFactor.off')}</p>
        {alert}
        <button type="button" className="btn btn--style-primary" onClick={start} disabled={busy}>{t('twoFactor.setup')}</button>
      </section>
    )
  }
  return (
    <section>
      <p>{t('twoFactor.on', { date: new Date(enabledAt).toLocaleDateString('en'), count: recoveryCodesLeft })}</p>
      {alert}
      <form onSubmit={regenerate}>
        <h2>{t('twoFactor.regenerate.title')}</h2>
        <p>{t('twoFactor.regenerate.intro')}</p>
        {codeField(t('twoFactor.disableCode'))}
        <button type="submit" className="btn btn--style-secondary" disabled={busy}>{t('twoFactor.regenerate.submit')}</button>
      </form>
      <form onSubmit={disable}>
        {codeField(t('twoFactor.disableCode'))}
        <button type="submit" className="btn btn--style-secondary" disabled={busy}>{t('twoFactor.disable')}</button>
      </form>
    </section>
  )
}
