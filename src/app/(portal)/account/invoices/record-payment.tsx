'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useId, useRef, useState } from 'react'

import { currencyDigits } from '@/billing/invoices/currency-digits'
import { Alert } from '@/components/ui/Alert'
import { t } from '@/i18n/t'
import { portalFetch } from '@/lib/api/portal-fetch'

import { formatInvoiceMoney } from './format-invoice'

type Recorded = { id: number; amountMismatch: boolean }

/** The file as the route takes it: its type and its bytes as base64 (the data URL's payload). */
const asUpload = (file: File) =>
  new Promise<{ name: string; type: string; data: string }>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve({ name: file.name, type: file.type, data: String(reader.result).replace(/^data:[^,]*,/, '') })
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })

const today = () => new Date().toISOString().slice(0, 10)

/**
 * "Record a payment" on an open invoice: a native modal dialog (focus moves in, Esc closes, focus
 * returns to the button) with the day, amount, reference and an optional remittance file; each
 * field's error is announced with it. On success the page re-renders, and the row says it waits.
 */
export function RecordPayment({ invoiceId, number, amountDue, currency, waiting }: { invoiceId: string; number: string; amountDue: number; currency: string; waiting: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const router = useRouter()
  const prefix = useId()
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<{ tone: 'danger' | 'success'; text: string } | null>(null)
  const digits = currencyDigits(currency)
  const due = formatInvoiceMoney(amountDue, currency)

  const open = () => {
    setDone(false)
    setErrors({})
    setNotice(null)
    dialog.current?.showModal()
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    setBusy(true)
    const file = data.get('remittance')
    const body = {
      paidOn: String(data.get('paidOn') ?? ''),
      amount: String(data.get('amount') ?? ''),
      reference: String(data.get('reference') ?? ''),
      remittance: file instanceof File && file.size > 0 ? await asUpload(file) : null,
    }
    const result = await portalFetch<Recorded>(`/api/billing/invoices/${encodeURIComponent(invoiceId)}/offline-payments`, { body, fallback: t('offlinePayments.error.generic') })
    setBusy(false)
    if (!result.ok) {
      setErrors(result.fields)
      setNotice(Object.keys(result.fields).length ? null : { tone: 'danger', text: result.message })
      // The first field with an error gets focus, so a keyboard or screen-reader user lands on it.
      const first = Object.keys(result.fields)[0]
      if (first) requestAnimationFrame(() => document.getElementById(`${prefix}-${first}`)?.focus())
      return
    }
    setErrors({})
    setDone(true)
    setNotice({ tone: 'success', text: result.data.amountMismatch ? t('offlinePayments.recordedMismatch', { amountDue: due }) : t('offlinePayments.recorded') })
    // The row re-renders as waiting for confirmation; this component (and its open dialog) stays.
    router.refresh()
  }

  const field = (name: string) => ({
    id: `${prefix}-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [`${prefix}-${name}-hint`, errors[name] ? `${prefix}-${name}-error` : null].filter(Boolean).join(' '),
  })
  const error = (name: string) => (errors[name] ? <span id={`${prefix}-${name}-error`} className="field-error">{errors[name]}</span> : null)

  return (
    <>
      {waiting ? null : (
        <button type="button" className="button" data-variant="secondary" onClick={open} aria-haspopup="dialog" aria-label={t('offlinePayments.record.label', { number })}>
          {t('offlinePayments.record')}
        </button>
      )}
      <dialog ref={dialog} className="dialog" aria-labelledby={`${prefix}-title`}>
        <form onSubmit={submit} className="stack" noValidate>
          <h2 id={`${prefix}-title`}>{t('offlinePayments.title', { number })}</h2>
          <p className="muted">{t('offlinePayments.intro', { amountDue: due })}</p>
          {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
          {errors._ ? <Alert tone="danger">{errors._}</Alert> : null}
          <div className="field">
            <label htmlFor={`${prefix}-paidOn`}>{t('offlinePayments.paidOn')}</label>
            <input type="date" required defaultValue={today()} max={today()} {...field('paidOn')} aria-describedby={errors.paidOn ? `${prefix}-paidOn-error` : undefined} />
            {error('paidOn')}
          </div>
          <div className="field">
            <label htmlFor={`${prefix}-amount`}>{t('offlinePayments.amount', { currency: currency.toUpperCase() })}</label>
            <input type="text" inputMode="decimal" required autoComplete="off" defaultValue={(amountDue / 10 ** digits).toFixed(digits)} {...field('amount')} />
            <span id={`${prefix}-amount-hint`} className="field-hint">{t('offlinePayments.amount.hint')}</span>
            {error('amount')}
          </div>
          <div className="field">
            <label htmlFor={`${prefix}-reference`}>{t('offlinePayments.reference')}</label>
            <input type="text" required maxLength={140} autoComplete="off" {...field('reference')} />
            <span id={`${prefix}-reference-hint`} className="field-hint">{t('offlinePayments.reference.hint')}</span>
            {error('reference')}
          </div>
          <div className="field">
            <label htmlFor={`${prefix}-remittance`}>{t('offlinePayments.remittance')}</label>
            <input type="file" accept="application/pdf,image/png,image/jpeg" {...field('remittance')} />
            <span id={`${prefix}-remittance-hint`} className="field-hint">{t('offlinePayments.remittance.hint')}</span>
            {error('remittance')}
          </div>
          <div className="row">
            {done ? null : <button type="submit" className="button" disabled={busy} aria-busy={busy}>{busy ? t('offlinePayments.sending') : t('offlinePayments.submit')}</button>}
            <button type="button" className="button" data-variant="secondary" onClick={() => dialog.current?.close()}>{done ? t('offlinePayments.close') : t('offlinePayments.cancel')}</button>
          </div>
        </form>
      </dialog>
    </>
  )
}
