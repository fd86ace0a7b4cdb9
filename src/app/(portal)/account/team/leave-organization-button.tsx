'use client'

import { useState } from 'react'

import { Alert } from '@/components/ui/Alert'
import { useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'

import { ConfirmDialog } from './confirm-dialog'

/** Leave the organization after a confirmation; then the account home, which no longer shows it. */
export function LeaveOrganizationButton({ organizationName }: { organizationName: string }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const leave = async () => {
    setBusy(true)
    const result = await portalFetch('/api/team/leave', { fallback: t('team.error.generic') })
    setBusy(false)
    setOpen(false)
    if (result.ok) window.location.assign('/account')
    else setFailure(result.message)
  }

  return (
    <div className="stack">
      <p>{t('team.leave.intro', { organization: organizationName })}</p>
      <div className="row">
        <button type="button" className="button" data-variant="danger" onClick={() => setOpen(true)}>{t('team.leave')}</button>
      </div>
      {failure ? <Alert tone="danger">{failure}</Alert> : null}
      <ConfirmDialog open={open} title={t('team.leave')} confirmLabel={t('team.leave.confirm', { organization: organizationName })} busy={busy} onConfirm={leave} onCancel={() => setOpen(false)}>
        <p>{t('team.leave.intro', { organization: organizationName })}</p>
      </ConfirmDialog>
    </div>
  )
}
