'use client'

import { useRouter } from 'next/navigation'
import { useMemo, useOptimistic, useState, useTransition } from 'react'

import { roleRank, type Role } from '@/access/roles'
import { Alert } from '@/components/ui/Alert'
import { useRoleLabel, useT } from '@/components/locale-provider'
import { portalFetch } from '@/lib/api/portal-fetch'
import type { MemberView } from '@/team/team-view'

import { ConfirmDialog } from './confirm-dialog'

type SortKey = 'name' | 'role' | 'joined' | 'lastActive'

const SORTS: Record<SortKey, (a: MemberView, b: MemberView) => number> = {
  name: (a, b) => (a.name || a.email).localeCompare(b.name || b.email),
  role: (a, b) => roleRank(b.role) - roleRank(a.role) || (a.name || a.email).localeCompare(b.name || b.email),
  joined: (a, b) => b.joinedAt.localeCompare(a.joinedAt),
  lastActive: (a, b) => (b.lastActiveAt ?? '').localeCompare(a.lastActiveAt ?? ''),
}

const displayName = (member: MemberView) => member.name || member.email

/**
 * The members table: search, sort, change a role (optimistically — the select moves at once and
 * snaps back with the server's message if the change is refused), remove with a confirmation.
 */
export function MembersTable({ members, organizationName }: { members: MemberView[]; organizationName: string }) {
  const t = useT()
  const roleName = useRoleLabel()
  const router = useRouter()
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<SortKey>('role')
  const [confirmedRoles, setConfirmedRoles] = useState<Record<number, Role>>({})
  const [optimisticRoles, setOptimisticRole] = useOptimistic(confirmedRoles, (state, change: { id: number; role: Role }) => ({ ...state, [change.id]: change.role }))
  const [, startTransition] = useTransition()
  const [message, setMessage] = useState<{ tone: 'danger' | 'success'; text: string } | null>(null)
  const [removing, setRemoving] = useState<MemberView | null>(null)
  const [busy, setBusy] = useState(false)

  const roleOf = (member: MemberView) => optimisticRoles[member.id] ?? member.role
  const visible = useMemo(() => {
    const needle = query.trim().toLowerCase()
    return members.filter((member) => !needle || `${member.name ?? ''} ${member.email}`.toLowerCase().includes(needle)).sort(SORTS[sort])
  }, [members, query, sort])

  const changeRole = (member: MemberView, role: Role) =>
    startTransition(async () => {
      setOptimisticRole({ id: member.id, role })
      setMessage(null)
      const result = await portalFetch('/api/team/members', { method: 'PATCH', body: { memberId: member.id, newRole: role }, fallback: t('team.error.generic') })
      if (result.ok) {
        setConfirmedRoles((roles) => ({ ...roles, [member.id]: role }))
        setMessage({ tone: 'success', text: t('team.roleChanged', { name: displayName(member), role: roleName(role) }) })
      } else {
        // Ending the transition without confirming drops the optimistic role: the select snaps back.
        setMessage({ tone: 'danger', text: result.message })
      }
    })

  const remove = async () => {
    if (!removing) return
    setBusy(true)
    const result = await portalFetch(`/api/team/members/${removing.id}`, { method: 'DELETE', fallback: t('team.error.generic') })
    setBusy(false)
    setMessage(result.ok ? { tone: 'success', text: t('team.removed', { name: displayName(removing), organization: organizationName }) } : { tone: 'danger', text: result.message })
    setRemoving(null)
    if (result.ok) router.refresh()
  }

  return (
    <div className="stack">
      <div className="row">
        <div className="field">
          <label htmlFor="team-search">{t('team.search')}</label>
          <input id="team-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="team-sort">{t('team.sort')}</label>
          <select id="team-sort" value={sort} onChange={(event) => setSort(event.target.value as SortKey)}>
            {(['role', 'name', 'joined', 'lastActive'] as const).map((key) => (
              <option key={key} value={key}>{t(`team.sort.${key}`)}</option>
            ))}
          </select>
        </div>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <table className="table">
        <caption className="visually-hidden">{t('team.members.caption', { organization: organizationName })}</caption>
        <thead>
          <tr>
            {(['name', 'email', 'role', 'joined', 'lastActive', 'actions'] as const).map((column) => (
              <th key={column} scope="col">{t(`team.col.${column}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visible.map((member) => (
            <tr key={member.id}>
              <th scope="row">{displayName(member)} {member.isYou ? <span className="muted">{t('team.you')}</span> : null}</th>
              <td>{member.email}</td>
              <td>
                {member.roleOptions.length > 1 ? (
                  <select aria-label={t('team.roleFor', { name: displayName(member) })} value={roleOf(member)} onChange={(event) => changeRole(member, event.target.value as Role)}>
                    {member.roleOptions.map((role) => <option key={role} value={role}>{roleName(role)}</option>)}
                  </select>
                ) : (
                  <span className="badge">{roleName(roleOf(member))}</span>
                )}
              </td>
              <td>{member.joinedLabel}</td>
              <td>{member.lastActiveLabel}</td>
              <td>
                {member.removable ? (
                  <button type="button" className="button" data-variant="secondary" onClick={() => setRemoving(member)} aria-label={t('team.removeName', { name: displayName(member) })}>
                    {t('team.remove')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {visible.length === 0 ? <p className="muted" role="status">{t('team.noMatches', { query })}</p> : null}
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('team.remove.confirmTitle', { name: displayName(removing) }) : ''}
        confirmLabel={t('team.remove.confirm', { organization: organizationName })}
        busy={busy}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
      >
        <p>{removing ? t('team.remove.confirmBody', { name: displayName(removing), organization: organizationName }) : null}</p>
      </ConfirmDialog>
    </div>
  )
}
