'use client'

import { useEffect, useRef, useState } from 'react'

import { Alert } from '@/components/ui/Alert'
import { useT } from '@/components/locale-provider'

import type { Issued } from './api-keys-manager'

/** Shown once after a create or rotate: the secret, copy, download as .txt, and the warning that it won't be shown again. */
export function SecretDialog({ issued, onClose }: { issued: Issued | null; onClose: () => void }) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    const dialog = ref.current
    if (issued && dialog && !dialog.open) dialog.showModal()
    if (!issued && dialog?.open) dialog.close()
    setCopied(false)
  }, [issued])

  const copy = async () => {
    if (!issued) return
    await navigator.clipboard.writeText(issued.secret)
    setCopied(true)
  }
  const download = () => {
    if (!issued) return
    const url = URL.createObjectURL(new Blob([`${issued.name}\n${issued.secret}\n`], { type: 'text/plain' }))
    const link = document.createElement('a')
    link.href = url
    link.download = `${issued.name.replace(/[^\w.-]+/g, '-').toLowerCase() || 'api-key'}.txt`
    link.click()
    URL.revokeObjectURL(url)
  }

  return (
    <dialog ref={ref} className="card dialog" aria-labelledby="secret-title" onCancel={(event) => { event.preventDefault(); onClose() }}>
      {issued ? (
        <div className="stack">
          <h2 id="secret-title">{t('api-keys.secret.title', { name: issued.name })}</h2>
          <Alert>{t('api-keys.secret.warning')}</Alert>
          <div className="field">
            <label htmlFor="api-key-secret" className="visually-hidden">{t('api-keys.col.key')}</label>
            <input id="api-key-secret" readOnly value={issued.secret} onFocus={(event) => event.currentTarget.select()} spellCheck={false} autoComplete="off" style={{ fontFamily: 'monospace', width: '100%' }} />
          </div>
          <div className="row">
            <button type="button" className="button" onClick={copy} autoFocus>{copied ? t('api-keys.secret.copied') : t('api-keys.secret.copy')}</button>
            <button type="button" className="button" data-variant="secondary" onClick={download}>{t('api-keys.secret.download')}</button>
            <button type="button" className="button" data-variant="secondary" onClick={onClose}>{t('api-keys.secret.done')}</button>
          </div>
          <span className="visually-hidden" role="status">{copied ? t('api-keys.secret.copied') : ''}</span>
        </div>
      ) : null}
    </dialog>
  )
}
