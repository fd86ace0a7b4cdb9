'use client'

import { type FormEvent, useState } from 'react'

import { t } from '@/i18n/t'
import { portalFetch } from '@/lib/api/portal-fetch'

import { staffTwoFactorApi } from './staff-two-factor-api'

/** The second step of an /admin sign-in: a code from the app or a recovery code turns the pending token into a session. */
export function StaffTwoFactorChallenge({ apiRoute, adminRoute }: { apiRoute: string; adminRoute: string }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setBusy(true)
    const code = String(new FormData(event.currentTarget).get('code') ?? '')
    const result = await portalFetch<{ method: string }>(staffTwoFactorApi(apiRoute, 'verify'), { body: { code } })
    setBusy(false)
    // A full page load: the admin's client state still thinks nobody is signed in.
    if (result.ok) window.location.assign(adminRoute)
    else setError(result.fields.code ?? result.message)
  }

  return (
    <form onSubmit={submit} className="login__form" aria-labelledby="staff-two-factor-title">
      <h1 id="staff-two-factor-title">{t('signIn.twoFactor.title')}</h1>
      <p>{t('signIn.twoFactor.intro')}</p>
      <div className="field-type text">
        <label className="field-label" htmlFor="staff-two-factor-code">{t('signIn.twoFactor.code')}</label>
        <input id="staff-two-factor-code" name="code" autoComplete="one-time-code" required autoFocus />
      </div>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" className="btn btn--style-primary" disabled={busy}>{t('signIn.twoFactor.submit')}</button>
      <p><a href={`${adminRoute}/logout`}>{t('signIn.twoFactor.cancel')}</a></p>
    </form>
  )
}
