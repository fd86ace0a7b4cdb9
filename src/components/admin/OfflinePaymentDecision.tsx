'use client'

import { Button, toast, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type Answer = { message?: string; error?: string; status?: string }

/**
 * The offline payment's decision in /admin: Confirm (POST /api/offline-payments/:id/confirm marks
 * the Stripe invoice paid out of band) or Reject with a reason the billing contacts are emailed.
 * Only while the record is `reported`; afterwards it says what was decided.
 */
export function OfflinePaymentDecision() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const [busy, setBusy] = useState(false)
  const [decided, setDecided] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  if (!id) return null
  const current = decided ?? status
  if (current !== 'reported') {
    return (
      <div className="field-type">
        <p role="status" data-testid="offline-payment-decided">{current === 'confirmed' ? 'Confirmed: the Stripe invoice is paid out of band.' : current === 'rejected' ? 'Rejected: the invoice stays open.' : null}</p>
      </div>
    )
  }

  const decide = async (action: 'confirm' | 'reject') => {
    setBusy(true)
    setReasonError(null)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/offline-payments/${id}/${action}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(action === 'reject' ? { reason } : {}),
      })
      const body = (await response.json().catch(() => ({}))) as Answer
      if (response.ok) {
        toast.success(body.message ?? 'Saved.')
        setDecided(body.status ?? null)
        router.refresh()
      } else if (response.status === 422 && action === 'reject') {
        setReasonError(body.error ?? 'Give a reason.')
      } else {
        toast.error(body.error ?? `${action === 'confirm' ? 'Confirm' : 'Reject'} failed (${response.status}).`)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type" role="group" aria-label="Decide this offline payment">
      <p className="field-description">Confirm once the money is in the bank account: Stripe marks the invoice paid out of band and the customer’s billing contacts are emailed.</p>
      <Button buttonStyle="primary" onClick={() => decide('confirm')} disabled={busy}>
        {busy ? 'Saving…' : 'Confirm payment'}
      </Button>
      <label htmlFor="offline-payment-reason" className="field-label">Reason for rejecting</label>
      <textarea id="offline-payment-reason" rows={3} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? 'offline-payment-reason-error' : undefined} />
      {reasonError ? <p id="offline-payment-reason-error" role="alert" className="field-error">{reasonError}</p> : null}
      <Button buttonStyle="secondary" onClick={() => decide('reject')} disabled={busy}>
        Reject
      </Button>
    </div>
  )
}
