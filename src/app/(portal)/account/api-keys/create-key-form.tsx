'use client'

import { type FormEvent, useState } from 'react'

import type { IssuedApiKey } from '@/api-keys/create-api-key'
import { API_KEY_ENVIRONMENTS, API_KEY_SCOPE_IDS, API_KEY_SCOPE_PRESETS, type ApiKeyScope } from '@/api-keys/scope-catalog'
import { Alert } from '@/components/ui/Alert'
import { useT } from '@/components/locale-provider'
import type { MessageKey } from '@/i18n/en'
import { portalFetch } from '@/lib/api/portal-fetch'

import type { Issued } from './api-keys-manager'

const DAY_MS = 86_400_000
const EXPIRY_DAYS = [30, 90, 365] as const
type Expiry = 'never' | `${(typeof EXPIRY_DAYS)[number]}` | 'date'

const isoDate = (date: Date) => date.toISOString().slice(0, 10)

/** The expiry the route gets: null for never, N days from now, or the end of the chosen day. */
function expiresAtFor(choice: Expiry, date: string): string | null {
  if (choice === 'never') return null
  if (choice === 'date') return date ? new Date(`${date}T23:59:59`).toISOString() : ''
  return new Date(Date.now() + Number(choice) * DAY_MS).toISOString()
}

/** Name, scopes (with presets), environment and expiry, held to the organization's cap; the secret goes to the dialog. */
export function CreateKeyForm({ maxLifetimeDays, onIssued }: { maxLifetimeDays: number | null; onIssued: (issued: Issued) => void }) {
  const t = useT()
  const allowedDays = EXPIRY_DAYS.filter((days) => !maxLifetimeDays || days <= maxLifetimeDays)
  const [scopes, setScopes] = useState<ApiKeyScope[]>([...API_KEY_SCOPE_PRESETS['read-only'].scopes])
  const [expiry, setExpiry] = useState<Expiry>(maxLifetimeDays ? (allowedDays[0] ? `${allowedDays[0]}` : 'date') : 'never')
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)

  const toggle = (scope: ApiKeyScope, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((item) => item !== scope)))

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    const name = String(data.get('name') ?? '')
    setBusy(true)
    setFailure(null)
    const result = await portalFetch<IssuedApiKey>('/api/api-keys', {
      body: { name, scopes, environment: data.get('environment'), expiresAt: expiresAtFor(expiry, String(data.get('expiryDate') ?? '')) },
    })
    setBusy(false)
    if (!result.ok) {
      setErrors(result.fields)
      setFailure(Object.keys(result.fields).length ? null : result.message)
      return
    }
    setErrors({})
    form.reset()
    onIssued({ name: result.data.key.name, secret: result.data.secret })
  }

  const error = (field: string) => (errors[field] ? <span id={`create-${field}-error`} className="field-error" role="alert">{errors[field]}</span> : null)

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <div className="field">
        <label htmlFor="create-name">{t('api-keys.create.name')}</label>
        <input id="create-name" name="name" required maxLength={100} autoComplete="off" aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? 'create-name-hint create-name-error' : 'create-name-hint'} />
        <span id="create-name-hint" className="field-hint">{t('api-keys.create.nameHint')}</span>
        {error('name')}
      </div>
      <fieldset className="stack" data-gap="sm" aria-describedby={errors.scopes ? 'create-scopes-error' : undefined}>
        <legend>{t('api-keys.create.scopes')}</legend>
        <div className="row" role="group" aria-label={t('api-keys.create.presets')}>
          {Object.entries(API_KEY_SCOPE_PRESETS).map(([id, preset]) => (
            <button key={id} type="button" className="button" data-variant="secondary" aria-pressed={preset.scopes.length === scopes.length && preset.scopes.every((scope) => scopes.includes(scope))} onClick={() => setScopes([...preset.scopes])}>
              {t(`api-keys.preset.${id}` as MessageKey)}
            </button>
          ))}
        </div>
        {API_KEY_SCOPE_IDS.map((scope) => (
          <label key={scope} className="row">
            <input type="checkbox" name="scopes" value={scope} checked={scopes.includes(scope)} onChange={(event) => toggle(scope, event.target.checked)} />
            <span><code>{scope}</code> — {t(`api-keys.scope.${scope}` as MessageKey)}</span>
          </label>
        ))}
        {error('scopes')}
      </fieldset>
      <div className="field">
        <label htmlFor="create-environment">{t('api-keys.create.environment')}</label>
        <select id="create-environment" name="environment" defaultValue="live">
          {API_KEY_ENVIRONMENTS.map((environment) => <option key={environment} value={environment}>{t(`api-keys.env.${environment}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="create-expiry">{t('api-keys.create.expiry')}</label>
        <select id="create-expiry" value={expiry} onChange={(event) => setExpiry(event.target.value as Expiry)} aria-describedby={maxLifetimeDays ? 'create-expiry-hint' : undefined}>
          {maxLifetimeDays ? null : <option value="never">{t('api-keys.create.expiry.never')}</option>}
          {allowedDays.map((days) => <option key={days} value={days}>{t('api-keys.create.expiry.days', { days })}</option>)}
          <option value="date">{t('api-keys.create.expiry.date')}</option>
        </select>
        {maxLifetimeDays ? <span id="create-expiry-hint" className="field-hint">{t('api-keys.create.capped', { days: maxLifetimeDays })}</span> : null}
        {expiry === 'date' ? null : error('expiresAt')}
      </div>
      {expiry === 'date' ? (
        <div className="field">
          <label htmlFor="create-expiry-date">{t('api-keys.create.expiryDate')}</label>
          <input
            id="create-expiry-date"
            name="expiryDate"
            type="date"
            required
            min={isoDate(new Date(Date.now() + DAY_MS))}
            max={maxLifetimeDays ? isoDate(new Date(Date.now() + (maxLifetimeDays - 1) * DAY_MS)) : undefined}
            aria-invalid={errors.expiresAt ? true : undefined}
            aria-describedby={errors.expiresAt ? 'create-expiresAt-error' : undefined}
          />
          {error('expiresAt')}
        </div>
      ) : null}
      <div className="row">
        <button type="submit" className="button" disabled={busy}>{busy ? t('api-keys.working') : t('api-keys.create.submit')}</button>
      </div>
      {failure ? <Alert tone="danger">{failure}</Alert> : null}
    </form>
  )
}
