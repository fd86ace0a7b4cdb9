'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import type { ApiKeyView } from '@/api-keys/api-key-view'
import type { RotatedApiKey } from '@/api-keys/rotate-api-key'
import { Alert } from '@/components/ui/Alert'
import { Badge } from '@/components/ui/Badge'
import { useT, useUiLocale } from '@/components/locale-provider'
import { formatDate } from '@/i18n/formatters'
import type { Locale } from '@/i18n/t'
import { portalFetch } from '@/lib/api/portal-fetch'

import { ConfirmDialog } from '../team/confirm-dialog'
import type { Issued } from './api-keys-manager'
import { RotateDialog } from './rotate-dialog'

// UTC on both server and client render, so hydration sees the same text.
const when = (iso: string | null, empty: string, locale: Locale) => (iso ? `${formatDate(iso, { locale, timeZone: 'UTC' }, 'dateTime')} UTC` : empty)

const STATUS_TONE = { active: 'success', revoked: 'danger', expired: undefined } as const

const COLUMNS = ['name', 'key', 'scopes', 'environment', 'createdBy', 'created', 'lastUsed', 'expires', 'status', 'actions'] as const

/** Every key with its status; rotate and revoke for managers. A rotated key links to the one it replaced. */
export function KeysTable({ keys, canManage, onIssued }: { keys: ApiKeyView[]; canManage: boolean; onIssued: (issued: Issued) => void }) {
  const t = useT()
  const locale = useUiLocale()
  const router = useRouter()
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null)
  const [rotating, setRotating] = useState<ApiKeyView | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const prefixOf = new Map(keys.map((key) => [key.id, key.prefix]))

  const revoke = async () => {
    if (!revoking) return
    setBusy(true)
    const result = await portalFetch(`/api/api-keys/${revoking.id}`, { method: 'DELETE' })
    setBusy(false)
    setRevoking(null)
    setMessage(result.ok ? null : result.message)
    if (result.ok) router.refresh()
  }

  const rotate = async (overlap: string) => {
    if (!rotating) return
    setBusy(true)
    const result = await portalFetch<RotatedApiKey>(`/api/api-keys/${rotating.id}/rotate`, { body: { overlap } })
    setBusy(false)
    setRotating(null)
    setMessage(result.ok ? null : result.message)
    if (result.ok) onIssued({ name: result.data.key.name, secret: result.data.secret })
  }

  return (
    <div className="stack">
      {message ? <Alert tone="danger">{message}</Alert> : null}
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{t('api-keys.list')}</caption>
          <thead>
            <tr>{COLUMNS.filter((column) => canManage || column !== 'actions').map((column) => <th key={column} scope="col">{t(`api-keys.col.${column}`)}</th>)}</tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} id={`api-key-${key.id}`}>
                <th scope="row">
                  {key.name}
                  {key.rotatedFromId ? (
                    <>
                      <br />
                      <a className="muted" href={`#api-key-${key.rotatedFromId}`}>{t('api-keys.rotatedFrom', { prefix: prefixOf.get(key.rotatedFromId) ?? `#${key.rotatedFromId}` })}</a>
                    </>
                  ) : null}
                </th>
                <td><code>{key.prefix}…</code></td>
                <td>{key.scopes.map((scope) => <code key={scope} style={{ display: 'block' }}>{scope}</code>)}</td>
                <td>{t(`api-keys.env.${key.environment}`)}</td>
                <td>{key.createdBy ?? '—'}</td>
                <td>{when(key.createdAt, '—', locale)}</td>
                <td>{key.lastUsedAt ? (key.lastUsedIp ? t('api-keys.lastUsedFrom', { when: when(key.lastUsedAt, '', locale), ip: key.lastUsedIp }) : when(key.lastUsedAt, '', locale)) : t('api-keys.neverUsed')}</td>
                <td>{when(key.expiresAt, t('api-keys.never'), locale)}</td>
                <td><Badge tone={STATUS_TONE[key.status]}>{t(`api-keys.status.${key.status}`)}</Badge></td>
                {canManage ? (
                  <td>
                    {key.status === 'active' ? (
                      <div className="row">
                        <button type="button" className="button" data-variant="secondary" onClick={() => setRotating(key)} aria-label={`${t('api-keys.rotate')} ${key.name} (${key.prefix}…)`}>{t('api-keys.rotate')}</button>
                        <button type="button" className="button" data-variant="danger" onClick={() => setRevoking(key)} aria-label={`${t('api-keys.revoke')} ${key.name} (${key.prefix}…)`}>{t('api-keys.revoke')}</button>
                      </div>
                    ) : key.status === 'expired' ? (
                      <button type="button" className="button" data-variant="secondary" onClick={() => setRevoking(key)} aria-label={`${t('api-keys.revoke')} ${key.name} (${key.prefix}…)`}>{t('api-keys.revoke')}</button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={revoking ? t('api-keys.revoke.title', { name: revoking.name }) : ''}
        confirmLabel={t('api-keys.revoke')}
        busy={busy}
        onConfirm={revoke}
        onCancel={() => setRevoking(null)}
      >
        <p>{revoking ? t('api-keys.revoke.body', { prefix: revoking.prefix }) : null}</p>
      </ConfirmDialog>
      <RotateDialog apiKey={rotating} busy={busy} onConfirm={rotate} onCancel={() => setRotating(null)} />
    </div>
  )
}
