import { canPerform } from '@/access/can-perform'
import { listApiKeys } from '@/api-keys/list-api-keys'
import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'

import { ApiKeysManager } from './api-keys-manager'
import { LifetimePolicyForm } from './lifetime-policy-form'

export const metadata = { title: t('api-keys.title') }

/** The organization's API keys: list, create, rotate, revoke, as the viewer's role allows; the owner's lifetime cap. */
export default async function ApiKeysPage() {
  const access = await requireScreen('api-keys')
  const { session } = access
  const organization = session.organization
  if (!access.allowed || !organization) {
    return (
      <div className="stack">
        <h1>{t('api-keys.title')}</h1>
        <ScreenGuard access={access}>{null}</ScreenGuard>
      </div>
    )
  }
  const actor = { userId: session.user.id, role: organization.role }
  const canManage = canPerform(actor, 'apikeys.manage').allowed
  const { keys, maxLifetimeDays } = await listApiKeys(await payloadInstance(), organization.id)

  return (
    <div className="stack" data-gap="lg">
      <div className="stack" data-gap="sm">
        <h1>{t('api-keys.title')}</h1>
        <p className="muted">{t('api-keys.intro', { organization: organization.name })}</p>
        {canManage ? null : <p className="muted">{t('api-keys.readOnly')}</p>}
      </div>
      <ApiKeysManager keys={keys} canManage={canManage} maxLifetimeDays={maxLifetimeDays} />
      {canPerform(actor, 'apikeys.set_max_lifetime').allowed ? (
        <Card title={t('api-keys.policy')}>
          <LifetimePolicyForm maxLifetimeDays={maxLifetimeDays} />
        </Card>
      ) : null}
    </div>
  )
}
