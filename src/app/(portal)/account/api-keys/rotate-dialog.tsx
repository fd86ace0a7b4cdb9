'use client'

import { useEffect, useRef, useState } from 'react'

import type { ApiKeyView } from '@/api-keys/api-key-view'
import { ROTATION_OVERLAP_IDS, type RotationOverlap } from '@/api-keys/rotation-overlaps'
import { useT } from '@/components/locale-provider'

/** Rotate with a chosen overlap (24 hours unless changed): a modal <dialog>, Escape cancels. */
export function RotateDialog({ apiKey, busy, onConfirm, onCancel }: { apiKey: ApiKeyView | null; busy: boolean; onConfirm: (overlap: RotationOverlap) => void; onCancel: () => void }) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const [overlap, setOverlap] = useState<RotationOverlap>('24h')
  useEffect(() => {
    const dialog = ref.current
    if (apiKey && dialog && !dialog.open) {
      setOverlap('24h')
      dialog.showModal()
    }
    if (!apiKey && dialog?.open) dialog.close()
  }, [apiKey])
  return (
    <dialog ref={ref} className="card dialog" aria-labelledby="rotate-title" onCancel={(event) => { event.preventDefault(); onCancel() }}>
      {apiKey ? (
        <form className="stack" onSubmit={(event) => { event.preventDefault(); onConfirm(overlap) }}>
          <h2 id="rotate-title">{t('api-keys.rotate.title', { name: apiKey.name })}</h2>
          <p>{t('api-keys.rotate.body', { prefix: apiKey.prefix })}</p>
          <fieldset className="stack" data-gap="sm">
            <legend>{t('api-keys.rotate.overlap')}</legend>
            {ROTATION_OVERLAP_IDS.map((choice) => (
              <label key={choice} className="row">
                <input type="radio" name="overlap" value={choice} checked={overlap === choice} onChange={() => setOverlap(choice)} autoFocus={choice === overlap} />
                {t(`api-keys.rotate.overlap.${choice}`)}
              </label>
            ))}
          </fieldset>
          <div className="row">
            <button type="submit" className="button" disabled={busy}>{busy ? t('api-keys.working') : t('api-keys.rotate')}</button>
            <button type="button" className="button" data-variant="secondary" onClick={onCancel} disabled={busy}>{t('api-keys.cancel')}</button>
          </div>
        </form>
      ) : null}
    </dialog>
  )
}
