'use client'

import { useState } from 'react'

import type { PortalFlow } from '@/billing/portal-session/create-portal-session'
import { portalFetch } from '@/lib/api/portal-fetch'

/**
 * Asks the portal for a Stripe Customer Portal session, then leaves for it. The session is made
 * server-side (it names the customer); this only carries the person there.
 */
/** Without a `flow`, the general portal session: everything the configuration enables. */
export function PortalButton({ flow, label, labels, variant = 'primary' }: { flow?: PortalFlow; label: string; labels: { opening: string; error: string }; variant?: 'primary' | 'secondary' }) {
  const [state, setState] = useState<'idle' | 'opening' | 'error'>('idle')
  const [message, setMessage] = useState('')

  const open = async () => {
    setState('opening')
    const result = await portalFetch<{ url: string }>('/api/billing/portal-session', { body: flow ? { flow } : {}, fallback: labels.error })
    if (result.ok) {
      window.location.assign(result.data.url)
      return
    }
    setState('error')
    setMessage(result.message)
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
