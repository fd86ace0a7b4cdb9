'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import type { Role } from '@/access/roles'
import { Alert } from '@/components/ui/Alert'
import { useRoleLabel, useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'
import type { InvitationView } from '@/team/team-view'

/** Pending invitations with resend (a fresh link) and revoke, for those allowed; read-only otherwise. */
export function InvitationsTable({ invitations, organizationName }: { invitations: InvitationView[]; organizationName: string }) {
  const t = useT()
  const roleName = useRoleLabel()
  const router = useRouter()
  const [busyId, setBusyId] = useState<number | null>(null)
  const [message, setMessage] = useState<{ tone: 'danger' | 'success'; text: string } | null>(null)

  const act = async (invitation: InvitationView, action: 'resend' | 'revoke') => {
    setBusyId(invitation.id)
    const result =
      action === 'resend'
        ? await portalFetch(`/api/team/invitations/${invitation.id}/resend`, { fallback: t('team.error.generic') })
        : await portalFetch(`/api/team/invitations/${invitation.id}`, { method: 'DELETE', fallback: t('team.error.generic') })
    setBusyId(null)
    if (!result.ok) return setMessage({ tone: 'danger', text: result.message })
    setMessage({ tone: 'success', text: t(action === 'resend' ? 'team.resent' : 'team.revoked', { email: invitation.email }) })
    router.refresh()
  }

  if (invitations.length === 0) return <p className="muted">{t('team.invitations.empty')}</p>
  return (
    <div className="stack">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <table className="table">
        <caption className="visually-hidden">{t('team.invitations.caption', { organization: organizationName })}</caption>
        <thead>
          <tr>
            {(['email', 'role', 'invitedBy', 'expires', 'actions'] as const).map((column) => <th key={column} scope="col">{t(`team.col.${column}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row">{invitation.email}</th>
              <td>{roleName(invitation.role)}</td>
              <td>{invitation.invitedBy ?? '—'}</td>
              <td>{invitation.expired ? <span className="badge">{t('team.invitation.expired')}</span> : invitation.expiresLabel}</td>
              <td>
                <div className="row">
                  {invitation.canResend ? (
                    <button type="button" className="button" data-variant="secondary" disabled={busyId === invitation.id} onClick={() => act(invitation, 'resend')} aria-label={t('team.resendTo', { email: invitation.email })}>
                      {t('team.resend')}
                    </button>
                  ) : null}
                  {invitation.canRevoke ? (
                    <button type="button" className="button" data-variant="secondary" disabled={busyId === invitation.id} onClick={() => act(invitation, 'revoke')} aria-label={t('team.revokeTo', { email: invitation.email })}>
                      {t('team.revoke')}
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
