import type { ReactNode } from 'react'

import type { ScreenAccess } from '@/auth/require-screen'
import { Card } from '@/components/ui/Card'
import { type Locale, t } from '@/i18n/t'

/** Renders the screen, or says how to join an organization to someone in none yet (requireScreen has refused everyone else). */
export function ScreenGuard({ access, locale, children }: { access: ScreenAccess; locale?: Locale; children: ReactNode }) {
  const organization = access.session.organization
  if (!organization) {
    return (
      <Card title={t('org.none.title', {}, locale)}>
        <p>{t('org.none.body', {}, locale)}</p>
      </Card>
    )
  }
  return <>{children}</>
}
