import type { ReactNode } from 'react'

import { roleLabels } from '@/access/roles'
import type { ScreenAccess } from '@/auth/require-screen'
import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'

/** Renders the screen for roles that may open it, and says plainly why not to the others. */
export function ScreenGuard({ access, section, children }: { access: ScreenAccess; section: string; children: ReactNode }) {
  const organization = access.session.organization
  if (!organization) {
    return (
      <Card title={t('org.none.title')}>
        <p>{t('org.none.body')}</p>
      </Card>
    )
  }
  if (!access.allowed) {
    return (
      <Card title={t('screen.forbidden.title', { section })}>
        <p>{t('screen.forbidden.body', { organization: organization.name, role: roleLabels[organization.role] })}</p>
      </Card>
    )
  }
  return <>{children}</>
}
