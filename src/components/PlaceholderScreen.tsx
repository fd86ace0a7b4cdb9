import type { ScreenId } from '@scope-config'

import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import type { MessageKey } from '@/i18n/en'
import { t } from '@/i18n/t'

/** A routed, guarded, flag-aware screen whose content lands with its own issue. */
export async function PlaceholderScreen({ screen }: { screen: Exclude<ScreenId, 'account'> }) {
  const access = await requireScreen(screen)
  const title = t(`${screen}.title` as MessageKey)
  return (
    <div className="stack">
      <h1>{title}</h1>
      <ScreenGuard access={access}>
        <p className="muted">{t('screen.placeholder')}</p>
      </ScreenGuard>
    </div>
  )
}
