'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

/** Marks one notification (or all) read through the JSON route, then re-renders the page and the bell. */
export function MarkReadButton({ id, all = false, label }: { id?: number; all?: boolean; label: string }) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const markRead = async () => {
    setBusy(true)
    const response = await fetch('/api/portal/notifications/read', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(all ? { all: true } : { ids: [id] }),
    }).catch(() => null)
    setBusy(false)
    setFailed(!response?.ok)
    if (response?.ok) router.refresh()
  }
  return (
    <button type="button" className="button" data-variant="secondary" onClick={markRead} disabled={busy} aria-invalid={failed || undefined}>
      {label}
    </button>
  )
}
