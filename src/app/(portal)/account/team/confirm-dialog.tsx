'use client'

import { type ReactNode, useEffect, useRef } from 'react'

import { useT } from '@/components/locale-provider'

type Props = { open: boolean; title: string; children: ReactNode; confirmLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void }

/** A native modal <dialog>: focus moves in and is trapped, Escape cancels, focus returns on close. */
export function ConfirmDialog({ open, title, children, confirmLabel, busy, onConfirm, onCancel }: Props) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (open && dialog && !dialog.open) dialog.showModal()
    if (!open && dialog?.open) dialog.close()
  }, [open])
  return (
    <dialog ref={ref} className="card dialog" aria-labelledby="confirm-title" onCancel={(event) => { event.preventDefault(); onCancel() }}>
      <div className="stack">
        <h2 id="confirm-title">{title}</h2>
        {children}
        <div className="row">
          <button type="button" className="button" data-variant="danger" onClick={onConfirm} disabled={busy}>{busy ? t('team.working') : confirmLabel}</button>
          <button type="button" className="button" data-variant="secondary" onClick={onCancel} disabled={busy} autoFocus>{t('team.cancel')}</button>
        </div>
      </div>
    </dialog>
  )
}
