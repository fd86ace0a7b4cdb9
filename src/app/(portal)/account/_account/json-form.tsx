'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useEffect, useState } from 'react'

import { timeZones } from '@/account/profile/date-preferences'
import { portalFetch } from '@/lib/api/portal-fetch'

export type FieldSpec = {
  name: string
  label: string
  /** `time-zone`: a select of every IANA zone, listed by the browser (see TimeZoneOptions). */
  type?: 'text' | 'email' | 'password' | 'checkbox' | 'select' | 'time-zone'
  autoComplete?: string
  hint?: string
  defaultValue?: string
  defaultChecked?: boolean
  options?: readonly { value: string; label: string }[]
  required?: boolean
}

type Props = {
  action: string
  method?: 'POST' | 'PUT' | 'PATCH'
  fields: FieldSpec[]
  submitLabel: string
  successMessage: string
  /** Clears the inputs after success (passwords shouldn't linger in the form). */
  resetOnSuccess?: boolean
}

/**
 * The ~430 zones are listed once the form is in the browser, from the browser's own Intl: the page
 * carries one option (the saved zone) instead of the whole list twice, as HTML and as the props the
 * client component hydrates from. The saved zone stays selected while the rest arrive.
 */
function TimeZoneOptions({ current }: { current: string }) {
  const [zones, setZones] = useState<readonly string[]>([current])
  useEffect(() => {
    const listed = timeZones()
    setZones(listed.includes(current) ? listed : [current, ...listed])
  }, [current])
  return zones.map((zone) => <option key={zone} value={zone}>{zone.replace(/_/g, ' ')}</option>)
}

type Status = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string; fields: Record<string, string> }

/**
 * One labelled form posting JSON to a portal route: field errors from the envelope appear under
 * their inputs (announced via aria-describedby), the general one in a role=alert, success in a
 * status region; the server-rendered page then refreshes.
 */
export function JsonForm({ action, method = 'POST', fields, submitLabel, successMessage, resetOnSuccess = false }: Props) {
  const router = useRouter()
  const [status, setStatus] = useState<Status>({ kind: 'idle' })

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const formElement = event.currentTarget
    const form = new FormData(formElement)
    const body = Object.fromEntries(fields.map((field) => [field.name, field.type === 'checkbox' ? form.has(field.name) : String(form.get(field.name) ?? '')]))
    setStatus({ kind: 'saving' })
    const result = await portalFetch(action, { method, body })
    if (result.ok) {
      setStatus({ kind: 'saved' })
      if (resetOnSuccess) formElement.reset()
      router.refresh()
    } else {
      setStatus({ kind: 'error', message: result.message, fields: result.fields })
    }
  }

  const errorOf = (name: string) => (status.kind === 'error' ? status.fields[name] : undefined)
  return (
    <form onSubmit={submit} className="stack" noValidate>
      {fields.map((field) => {
        const id = `${action.replace(/\W+/g, '-')}-${field.name}`
        const error = errorOf(field.name)
        const describedBy = [field.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
        const common = { id, name: field.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, required: field.required }
        return (
          <div className="field" key={field.name}>
            {field.type === 'checkbox' ? (
              <label htmlFor={id} className="row"><input type="checkbox" {...common} defaultChecked={field.defaultChecked} /> {field.label}</label>
            ) : (
              <>
                <label htmlFor={id}>{field.label}</label>
                {field.type === 'select' ? (
                  <select {...common} defaultValue={field.defaultValue}>
                    {field.options?.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
                  </select>
                ) : field.type === 'time-zone' ? (
                  <select {...common} defaultValue={field.defaultValue}>
                    <TimeZoneOptions current={field.defaultValue ?? 'UTC'} />
                  </select>
                ) : (
                  <input type={field.type ?? 'text'} autoComplete={field.autoComplete} defaultValue={field.defaultValue} {...common} />
                )}
              </>
            )}
            {field.hint ? <span id={`${id}-hint`} className="field-hint">{field.hint}</span> : null}
            {error ? <span id={`${id}-error`} className="field-error">{error}</span> : null}
          </div>
        )
      })}
      <div className="row">
        <button type="submit" className="button" disabled={status.kind === 'saving'}>{submitLabel}</button>
        <span role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'field-error' : 'muted'}>
          {status.kind === 'error' ? status.message : status.kind === 'saved' ? successMessage : ''}
        </span>
      </div>
    </form>
  )
}
