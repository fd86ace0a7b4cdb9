import type { Metadata } from 'next'

import { roleLabels } from '@/access/roles'
import { requireScreen } from '@/auth/require-screen'
import { Badge } from '@/components/ui/Badge'
import { Card } from '@/components/ui/Card'
import { Table } from '@/components/ui/Table'
import { t } from '@/i18n/t'

export const metadata: Metadata = { title: t('account.title') }

export default async function AccountPage() {
  const { session } = await requireScreen('account')
  return (
    <div className="stack" data-gap="lg">
      <h1>{t('account.title')}</h1>
      <Card title={t('account.profile')}>
        <dl className="stack" data-gap="sm">
          <div><dt className="muted">{t('account.name')}</dt><dd>{session.user.name || '—'}</dd></div>
          <div><dt className="muted">{t('account.email')}</dt><dd>{session.user.email}</dd></div>
        </dl>
      </Card>
      <Card title={t('account.organizations')}>
        <Table caption={t('account.organizations')} head={[t('org.switcher.label'), t('account.role')]}>
          {session.organizations.map((organization) => (
            <tr key={organization.id}>
              <td>{organization.name}</td>
              <td><Badge tone={organization.id === session.organization?.id ? 'accent' : undefined}>{roleLabels[organization.role]}</Badge></td>
            </tr>
          ))}
        </Table>
      </Card>
    </div>
  )
}
