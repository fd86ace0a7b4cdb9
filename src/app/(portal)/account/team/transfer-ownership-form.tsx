'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'

import { Alert } from '@/components/ui/Alert'
import { useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'

/** The owner hands the organization to another member, confirming by typing its name. */
export function TransferOwnershipForm({ candidates, organizationName }: { candidates: Array<{ id: number; label: string }>; organizationName: string }) {
  const t = useT()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const memberId = Number(data.get('memberId'))
    setBusy(true)
    const result = await portalFetch('/api/team/transfer-ownership', { body: { memberId, confirm: String(data.get('confirm') ?? '') }, fallback: t('team.error.generic') })
    setBusy(false)
    if (!result.ok) {
      setErrors(result.fields)
      setFailure(Object.keys(result.fields).length ? null : result.message)
      return
    }
    setErrors({})
    setFailure(null)
    setDone(t('team.transfer.done', { name: candidates.find((candidate) => candidate.id === memberId)?.label ?? '', organization: organizationName }))
    router.refresh()
  }

  if (done) return <Alert tone="success">{done}</Alert>
  if (candidates.length === 0) return <p className="muted">{t('team.transfer.nobody')}</p>
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <p>{t('team.transfer.intro', { organization: organizationName })}</p>
      <div className="field">
        <label htmlFor="transfer-member">{t('team.transfer.member')}</label>
        <select id="transfer-member" name="memberId" required defaultValue="" aria-invalid={errors.memberId ? true : undefined}>
          <option value="" disabled>{t('team.transfer.choose')}</option>
          {candidates.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.label}</option>)}
        </select>
        {errors.memberId ? <span className="field-error" role="alert">{errors.memberId}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="transfer-confirm">{t('team.transfer.confirm', { organization: organizationName })}</label>
        <input id="transfer-confirm" name="confirm" autoComplete="off" required aria-invalid={errors.confirm ? true : undefined} aria-describedby={errors.confirm ? 'transfer-confirm-error' : undefined} />
        {errors.confirm ? <span id="transfer-confirm-error" className="field-error" role="alert">{errors.confirm}</span> : null}
      </div>
      {failure ? <Alert tone="danger">{failure}</Alert> : null}
      <div className="row">
        <button type="submit" className="button" data-variant="danger" disabled={busy}>{busy ? t('team.working') : t('team.transfer')}</button>
      </div>
    </form>
  )
}
