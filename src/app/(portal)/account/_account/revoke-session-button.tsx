'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { portalFetch } from '@/lib/api/portal-fetch'

/** Signs out one session (`{ sid }`) or every other one (`{ others: true }`), then refreshes the list. */
export function RevokeSessionButton({ body, label, accessibleLabel }: { body: { sid: string } | { others: true }; label: string; accessibleLabel?: string }) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const revoke = async () => {
    setBusy(true)
    const result = await portalFetch('/api/portal/account/sessions', { body })
    setBusy(false)
    if (result.ok) router.refresh()
    else setError(result.message)
  }
  return (
    <span className="row">
      <button type="button" className="button" data-variant="secondary" onClick={revoke} disabled={busy} aria-label={accessibleLabel}>{label}</button>
      {error ? <span role="alert" className="field-error">{error}</span> : null}
    </span>
  )
}
