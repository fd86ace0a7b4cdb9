'use client'

import { Button, toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

type RetryAnswer = { message?: string; error?: string; remaining?: number }

/**
 * Above the deliveries list in /admin: how many deliveries are failed, and one action that queues
 * them all again (POST /api/notification-deliveries/retry-failed). Hidden when none are failed.
 */
export function RetryFailedDeliveriesButton() {
  const { config } = useConfig()
  const router = useRouter()
  const api = `${config.serverURL}${config.routes.api}/notification-deliveries`
  const [failed, setFailed] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)

  const countFailed = async () => {
    const response = await fetch(`${api}?where[status][equals]=failed&limit=1&depth=0`, { credentials: 'include' })
    if (response.ok) setFailed(((await response.json()) as { totalDocs: number }).totalDocs)
  }
  useEffect(() => {
    void countFailed()
    // Counted once per visit; the button recounts after each retry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  if (!failed) return null
  const retry = async () => {
    setBusy(true)
    try {
      const response = await fetch(`${api}/retry-failed`, { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as RetryAnswer
      if (response.ok) toast.success(body.message ?? 'Queued again.')
      else toast.error(body.error ?? `Retry failed (${response.status}).`)
      await countFailed()
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type" role="region" aria-label="Failed deliveries">
      <p>{failed === 1 ? '1 delivery is failed: its channel stayed down past the retry budget.' : `${failed} deliveries are failed: their channel stayed down past the retry budget.`}</p>
      <Button buttonStyle="secondary" onClick={retry} disabled={busy}>
        {busy ? 'Retrying…' : `Retry all failed (${failed})`}
      </Button>
    </div>
  )
}
