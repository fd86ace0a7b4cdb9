'use client'

import { useState } from 'react'

import type { PortalFlow } from '@/billing/portal-session/create-portal-session'

/**
 * Asks the portal for a Stripe Customer Portal session, then leaves for it. The session is made
 * server-side (it names the customer); this only carries the person there.
 */
export function PortalButton({ flow, label, labels, variant = 'primary' }: { flow: PortalFlow; label: string; labels: { opening: string; error: string }; variant?: 'primary' | 'secondary' }) {
  const [state, setState] = useState<'idle' | 'opening' | 'error'>('idle')
  const [message, setMessage] = useState('')

  const open = async () => {
    setState('opening')
    const response = await fetch('/api/billing/portal-session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ flow }),
    }).catch(() => null)
    const body = response ? await response.json().catch(() => null) : null
    if (response?.ok && body?.data?.url) {
      window.location.assign(body.data.url)
      return
    }
    setState('error')
    setMessage(body?.error?.message ?? labels.error)
  }

  return (
    <div className="stack" data-gap="sm">
      <div className="row">
        <button type="button" className="button" data-variant={variant} onClick={open} disabled={state === 'opening'} aria-busy={state === 'opening'}>
          {state === 'opening' ? labels.opening : label}
        </button>
      </div>
      {state === 'error' ? <p role="alert" className="field-error">{message}</p> : null}
    </div>
  )
}
