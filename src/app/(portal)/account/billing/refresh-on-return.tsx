'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

import { portalFetch } from '@/lib/api/portal-fetch'

/**
 * Shown when Stripe's portal sends the customer back (`?returned=portal`): re-reads the customer
 * from Stripe, then renders the page again without the marker, so the new card or plan is there
 * without a manual reload. Until then the page says it is updating.
 */
export function RefreshOnReturn({ labels }: { labels: { updating: string; error: string } }) {
  const router = useRouter()
  const [failed, setFailed] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    void portalFetch<{ changed: string[] }>('/api/billing/refresh', { body: {}, fallback: labels.error }).then((result) => {
      if (!current) return
      if (result.ok) router.replace('/account/billing', { scroll: false })
      else setFailed(result.message)
    })
    return () => {
      current = false
    }
  }, [router, labels.error])

  return (
    <p role="status" aria-live="polite" className={failed ? 'field-error' : 'muted'} data-testid="billing-refresh">
      {failed ?? labels.updating}
    </p>
  )
}
