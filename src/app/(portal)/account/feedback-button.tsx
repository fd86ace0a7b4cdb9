'use client'

import { type FormEvent, useRef, useState } from 'react'

import { Alert } from '@/components/ui/Alert'
import { FEEDBACK_TYPES } from '@/feedback/feedback-types'
import type { MessageKey } from '@/i18n/en'
import { useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'

/** The last error the page showed (an Alert with role=alert), sent along so nobody has to retype it. */
const lastErrorShown = () => document.querySelector('main [role="alert"]')?.textContent?.trim().slice(0, 500) || undefined

function multipart(fields: Record<string, string | undefined>, screenshot: File): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, value)
  form.set('screenshot', screenshot)
  return form
}

/**
 * "Feedback" in the header: a native modal dialog (focus moves in, Esc closes, focus returns to the
 * button) with the typed form; the page and the last error shown are attached automatically.
 */
export function FeedbackButton({ section }: { section: string }) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<{ tone: 'danger' | 'success'; text: string } | null>(null)

  const open = () => {
    setErrors({})
    setNotice(null)
    dialog.current?.showModal()
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    setBusy(true)
    const fields = { type: String(data.get('type') ?? ''), section, message: String(data.get('message') ?? ''), page: window.location.pathname, lastError: lastErrorShown() }
    const screenshot = data.get('screenshot')
    // Multipart only when an image is attached; otherwise the plain JSON body.
    const body = screenshot instanceof File && screenshot.size > 0 ? multipart(fields, screenshot) : fields
    const result = await portalFetch<{ id: number }>('/api/feedback', { body, fallback: t('feedback.error.generic') })
    setBusy(false)
    if (!result.ok) {
      setErrors(result.fields)
      setNotice(Object.keys(result.fields).length ? null : { tone: 'danger', text: result.message })
      return
    }
    form.reset()
    setErrors({})
    setNotice({ tone: 'success', text: t('feedback.thanks') })
  }

  return (
    <>
      <button type="button" className="button" data-variant="secondary" onClick={open} aria-haspopup="dialog">
        {t('feedback.button')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="feedback-title">
        <form onSubmit={submit} className="stack" noValidate>
          <h2 id="feedback-title">{t('feedback.title')}</h2>
          <p className="muted">{t('feedback.intro')}</p>
          {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
          <div className="field">
            <label htmlFor="feedback-type">{t('feedback.type')}</label>
            <select id="feedback-type" name="type" defaultValue="question" aria-invalid={errors.type ? true : undefined} aria-describedby={errors.type ? 'feedback-type-error' : undefined}>
              {FEEDBACK_TYPES.map((type) => (
                <option key={type} value={type}>{t(`feedback.type.${type}` as MessageKey)}</option>
              ))}
            </select>
            {errors.type ? <span id="feedback-type-error" className="field-error">{errors.type}</span> : null}
          </div>
          <div className="field">
            <label htmlFor="feedback-message">{t('feedback.message')}</label>
            <textarea id="feedback-message" name="message" rows={5} maxLength={5_000} required aria-invalid={errors.message ? true : undefined} aria-describedby={errors.message ? 'feedback-message-error' : undefined} />
            {errors.message ? <span id="feedback-message-error" className="field-error">{errors.message}</span> : null}
          </div>
          <div className="field">
            <label htmlFor="feedback-screenshot">{t('feedback.screenshot')}</label>
            <input id="feedback-screenshot" name="screenshot" type="file" accept="image/png,image/jpeg,image/gif,image/webp" aria-invalid={errors.screenshot ? true : undefined} aria-describedby={errors.screenshot ? 'feedback-screenshot-hint feedback-screenshot-error' : 'feedback-screenshot-hint'} />
            <span id="feedback-screenshot-hint" className="muted">{t('feedback.screenshot.hint')}</span>
            {errors.screenshot ? <span id="feedback-screenshot-error" className="field-error">{errors.screenshot}</span> : null}
          </div>
          <div className="row">
            <button type="submit" className="button" disabled={busy}>{busy ? t('feedback.sending') : t('feedback.send')}</button>
            <button type="button" className="button" data-variant="secondary" onClick={() => dialog.current?.close()}>{t('feedback.cancel')}</button>
          </div>
        </form>
      </dialog>
    </>
  )
}
