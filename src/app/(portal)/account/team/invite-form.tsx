'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'

import type { Role } from '@/access/roles'
import { Alert } from '@/components/ui/Alert'
import { useRoleLabel, useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'

type Sent = { invitations: Array<{ email: string }> }

/** Paste one or many addresses, pick one of the roles the viewer may grant, send. */
export function InviteForm({ roles }: { roles: Role[] }) {
  const t = useT()
  const roleName = useRoleLabel()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<{ tone: 'danger' | 'success'; text: string } | null>(null)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    setBusy(true)
    setNotice(null)
    const result = await portalFetch<Sent>('/api/team/invitations', { body: { emails: [String(data.get('emails') ?? '')], role: data.get('role') }, fallback: t('team.error.generic') })
    setBusy(false)
    if (!result.ok) {
      setErrors(result.fields)
      setNotice(Object.keys(result.fields).length ? null : { tone: 'danger', text: result.message })
      return
    }
    setErrors({})
    setNotice({ tone: 'success', text: t('team.invite.sent', { list: result.data.invitations.map((invitation) => invitation.email).join(', ') }) })
    form.reset()
    router.refresh()
  }

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <div className="field">
        <label htmlFor="invite-emails">{t('team.invite.emails')}</label>
        <textarea
          id="invite-emails"
          name="emails"
          rows={3}
          required
          aria-invalid={errors.emails ? true : undefined}
          aria-describedby={errors.emails ? 'invite-emails-hint invite-emails-error' : 'invite-emails-hint'}
        />
        <span id="invite-emails-hint" className="field-hint">{t('team.invite.emailsHint')}</span>
        {errors.emails ? <span id="invite-emails-error" className="field-error" role="alert">{errors.emails}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="invite-role">{t('team.invite.role')}</label>
        <select id="invite-role" name="role" defaultValue={roles.includes('member') ? 'member' : roles[roles.length - 1]}>
          {roles.map((role) => <option key={role} value={role}>{roleName(role)}</option>)}
        </select>
        {errors.role ? <span className="field-error" role="alert">{errors.role}</span> : null}
      </div>
      <div className="row">
        <button type="submit" className="button" disabled={busy}>{busy ? t('team.working') : t('team.invite.submit')}</button>
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
    </form>
  )
}
