'use client'

import { type FormEvent, useState } from 'react'

import { portalFetch } from '@/lib/api/portal-fetch'
import type { CustomerChannel } from '@/notifications/event-catalog'
import type { PreferenceRow } from '@/notifications/list-preferences'

type Labels = { caption: string; event: string; email: string; in_app: string; save: string; saved: string; error: string }

const CHANNELS: CustomerChannel[] = ['email', 'in_app']

/** A table of checkboxes (event × channel); keyboard and screen-reader friendly, saved in one request. */
export function PreferencesForm({ rows, labels }: { rows: PreferenceRow[]; labels: Labels }) {
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle')
  const [message, setMessage] = useState('')

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const preferences = rows.flatMap((row) =>
      CHANNELS.map((channel) => ({ eventType: row.eventType, channel, enabled: form.has(`${row.eventType}:${channel}`) })),
    )
    setStatus('saving')
    const result = await portalFetch('/api/portal/notifications/preferences', { method: 'PUT', body: { preferences }, fallback: labels.error })
    if (result.ok) {
      setStatus('saved')
      setMessage(labels.saved)
    } else {
      setStatus('error')
      setMessage(result.message)
    }
  }

  return (
    <form onSubmit={submit} className="stack">
      <table className="table">
        <caption className="visually-hidden">{labels.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.event}</th>
            {CHANNELS.map((channel) => <th key={channel} scope="col">{labels[channel]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.eventType}>
              <th scope="row" id={`pref-${row.eventType}`}>{row.label}</th>
              {CHANNELS.map((channel) => (
                <td key={channel}>
                  <input
                    type="checkbox"
                    name={`${row.eventType}:${channel}`}
                    defaultChecked={row.channels[channel]}
                    aria-label={`${row.label}: ${labels[channel]}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="submit" className="button" disabled={status === 'saving'}>{labels.save}</button>
        <span role={status === 'error' ? 'alert' : 'status'} className={status === 'error' ? 'field-error' : 'muted'}>{message}</span>
      </div>
    </form>
  )
}
