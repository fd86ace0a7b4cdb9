'use client'

import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

/**
 * The ledger row's "Retry" action in /admin: one click re-queues the event (POST
 * /api/stripe-events/:id/retry) and reloads the row to show it back at `received`.
 */
export function RetryStripeEventButton() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  if (!id) return null

  const retry = async () => {
    setBusy(true)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/stripe-events/${id}/retry`, { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string }
      if (response.ok) {
        toast.success(body.message ?? 'Queued for processing again.')
        router.refresh()
      } else {
        toast.error(body.error ?? `Retry failed (${response.status}).`)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type">
      <Button buttonStyle="secondary" onClick={retry} disabled={busy}>
        {busy ? 'Retrying…' : 'Retry'}
      </Button>
      <p className="field-description">Process this event again. Idempotent: state that is already right stays as it is.</p>
    </div>
  )
}
