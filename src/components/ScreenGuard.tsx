import type { ReactNode } from 'react'

import type { ScreenAccess } from '@/auth/require-screen'
import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'

/** Renders the screen, or says how to join an organization to someone in none yet (requireScreen has refused everyone else). */
export function ScreenGuard({ access, children }: { access: ScreenAccess; children: ReactNode }) {
  const organization = access.session.organization
  if (!organization) {
    return (
      <Card title={t('org.none.title')}>
        <p>{t('org.none.body')}</p>
      </Card>
    )
  }
  return <>{children}</>
}
