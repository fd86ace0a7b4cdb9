import { formatUserDate } from '@/account/profile/date-preferences'
import type { SessionRow } from '@/account/sessions/list-sessions'
import { Badge } from '@/components/ui/Badge'
import { Card } from '@/components/ui/Card'
import { Table } from '@/components/ui/Table'
import { type Locale, t } from '@/i18n/t'
import type { User } from '@/payload-types'

import { RevokeSessionButton } from './revoke-session-button'

const deviceOf = (row: SessionRow, locale: Locale) => [row.browser, row.os && `· ${row.os}`].filter(Boolean).join(' ') || t('account.sessions.unknownDevice', {}, locale)

export function SessionsSection({ user, sessions, locale }: { user: User; sessions: SessionRow[]; locale: Locale }) {
  const others = sessions.filter((row) => !row.current)
  return (
    <Card title={t('account.sections.sessions', {}, locale)}>
      <Table caption={t('account.sessions.caption', {}, locale)} head={[t('account.sessions.device', {}, locale), t('account.sessions.ip', {}, locale), t('account.sessions.created', {}, locale), t('account.sessions.lastSeen', {}, locale), '']}>
        {sessions.map((row) => (
          <tr key={row.sid} data-current={row.current || undefined}>
            <td>{deviceOf(row, locale)}{row.device ? <span className="muted"> ({row.device})</span> : null}</td>
            <td>{row.ip ?? '—'}</td>
            <td>{formatUserDate(row.createdAt, user)}</td>
            <td>{formatUserDate(row.lastSeenAt, user)}</td>
            <td>
              {row.current ? (
                <Badge tone="accent">{t('account.sessions.thisDevice', {}, locale)}</Badge>
              ) : (
                <RevokeSessionButton body={{ sid: row.sid }} label={t('account.sessions.revoke', {}, locale)} accessibleLabel={t('account.sessions.revokeLabel', { device: deviceOf(row, locale) }, locale)} />
              )}
            </td>
          </tr>
        ))}
      </Table>
      {others.length > 0 ? <div className="row"><RevokeSessionButton body={{ others: true }} label={t('account.sessions.revokeOthers', {}, locale)} /></div> : <p className="muted">{t('account.sessions.empty', {}, locale)}</p>}
    </Card>
  )
}
