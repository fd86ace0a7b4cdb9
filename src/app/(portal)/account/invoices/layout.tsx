import type { ReactNode } from 'react'

import { requireScreen } from '@/auth/require-screen'

/**
 * The role check before this segment's loading.tsx starts streaming: a page inside that Suspense
 * boundary can't change the status once the shell is sent, so a refused role got 200 instead of 403.
 */
export default async function InvoicesLayout({ children }: { children: ReactNode }) {
  await requireScreen('invoices')
  return children
}
