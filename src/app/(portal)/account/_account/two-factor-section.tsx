import { formatUserDate } from '@/account/profile/date-preferences'
import type { TwoFactorState } from '@/account/two-factor/two-factor-state'
import { Card } from '@/components/ui/Card'
import { type Locale, t } from '@/i18n/t'
import type { User } from '@/payload-types'

import { JsonForm } from './json-form'
import { RegenerateRecoveryCodes } from './regenerate-recovery-codes'
import { TwoFactorSetup } from './two-factor-setup'

export function TwoFactorSection({ user, state, locale }: { user: User; state: TwoFactorState; locale: Locale }) {
  return (
    <Card title={t('account.sections.twoFactor', {}, locale)}>
      {state.enabledAt ? (
        <>
          <p>{t('twoFactor.on', { date: formatUserDate(state.enabledAt, user), count: state.recoveryCodesLeft }, locale)}</p>
          <JsonForm
            action="/api/portal/account/two-factor/disable"
            submitLabel={t('twoFactor.disable', {}, locale)}
            successMessage={t('twoFactor.disabled', {}, locale)}
            resetOnSuccess
            fields={[{ name: 'code', label: t('twoFactor.disableCode', {}, locale), autoComplete: 'one-time-code', required: true }]}
          />
          <h3>{t('twoFactor.regenerate.title', {}, locale)}</h3>
          <RegenerateRecoveryCodes />
        </>
      ) : (
        <>
          <p>{t('twoFactor.off', {}, locale)}</p>
          <TwoFactorSetup />
        </>
      )}
    </Card>
  )
}
