import { formatUserDate } from '@/account/profile/date-preferences'
import type { SessionRow } from '@/account/sessions/list-sessions'
import { Badge } from '@/components/ui/Badge'
import { Card } from '@/components/ui/Card'
import { Table } from '@/components/ui/Table'
import { t } from '@/i18n/t'
import type { User } from '@/payload-types'

import { RevokeSessionButton } from './revoke-session-button'

const deviceOf = (row: SessionRow) => [row.browser, row.os && `· ${row.os}`].filter(Boolean).join(' ') || t('account.sessions.unknownDevice')

export function SessionsSection({ user, sessions }: { user: User; sessions: SessionRow[] }) {
  const others = sessions.filter((row) => !row.current)
  return (
    <Card title={t('account.sections.sessions')}>
      <Table caption={t('account.sessions.caption')} head={[t('account.sessions.device'), t('account.sessions.ip'), t('account.sessions.created'), t('account.sessions.lastSeen'), '']}>
        {sessions.map((row) => (
          <tr key={row.sid} data-current={row.current || undefined}>
            <td>{deviceOf(row)}{row.device ? <span className="muted"> ({row.device})</span> : null}</td>
            <td>{row.ip ?? '—'}</td>
            <td>{formatUserDate(row.createdAt, user)}</td>
            <td>{formatUserDate(row.lastSeenAt, user)}</td>
            <td>
              {row.current ? (
                <Badge tone="accent">{t('account.sessions.thisDevice')}</Badge>
              ) : (
                <RevokeSessionButton body={{ sid: row.sid }} label={t('account.sessions.revoke')} accessibleLabel={t('account.sessions.revokeLabel', { device: deviceOf(row) })} />
              )}
            </td>
          </tr>
        ))}
      </Table>
      {others.length > 0 ? <div className="row"><RevokeSessionButton body={{ others: true }} label={t('account.sessions.revokeOthers')} /></div> : <p className="muted">{t('account.sessions.empty')}</p>}
    </Card>
  )
}
