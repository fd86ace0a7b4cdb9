import { canPerform } from '@/access/can-perform'
import { listApiKeys } from '@/api-keys/list-api-keys'
import { getRequestLocale } from '@/auth/request-locale'
import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'

import { ApiKeysManager } from './api-keys-manager'
import { LifetimePolicyForm } from './lifetime-policy-form'
import { localizedTitle } from '../../localized-title'

export const generateMetadata = localizedTitle('api-keys.title')

/** The organization's API keys: list, create, rotate, revoke, as the viewer's role allows; the owner's lifetime cap. */
export default async function ApiKeysPage() {
  const [access, { locale }] = await Promise.all([requireScreen('api-keys'), getRequestLocale()])
  const { session } = access
  const organization = session.organization
  if (!access.allowed || !organization) {
    return (
      <div className="stack">
        <h1>{t('api-keys.title', {}, locale)}</h1>
        <ScreenGuard access={access} locale={locale}>{null}</ScreenGuard>
      </div>
    )
  }
  const actor = { userId: session.user.id, role: organization.role }
  const canManage = canPerform(actor, 'apikeys.manage').allowed
  const { keys, maxLifetimeDays } = await listApiKeys(await payloadInstance(), organization.id)

  return (
    <div className="stack" data-gap="lg">
      <div className="stack" data-gap="sm">
        <h1>{t('api-keys.title', {}, locale)}</h1>
        <p className="muted">{t('api-keys.intro', { organization: organization.name }, locale)}</p>
        {canManage ? null : <p className="muted">{t('api-keys.readOnly', {}, locale)}</p>}
      </div>
      <ApiKeysManager keys={keys} canManage={canManage} maxLifetimeDays={maxLifetimeDays} />
      {canPerform(actor, 'apikeys.set_max_lifetime').allowed ? (
        <Card title={t('api-keys.policy', {}, locale)}>
          <LifetimePolicyForm maxLifetimeDays={maxLifetimeDays} />
        </Card>
      ) : null}
    </div>
  )
}
