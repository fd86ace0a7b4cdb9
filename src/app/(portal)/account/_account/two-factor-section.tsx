import { formatUserDate } from '@/account/profile/date-preferences'
import type { TwoFactorState } from '@/account/two-factor/two-factor-state'
import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'
import type { User } from '@/payload-types'

import { JsonForm } from './json-form'
import { RegenerateRecoveryCodes } from './regenerate-recovery-codes'
import { TwoFactorSetup } from './two-factor-setup'

export function TwoFactorSection({ user, state }: { user: User; state: TwoFactorState }) {
  return (
    <Card title={t('account.sections.twoFactor')}>
      {state.enabledAt ? (
        <>
          <p>{t('twoFactor.on', { date: formatUserDate(state.enabledAt, user), count: state.recoveryCodesLeft })}</p>
          <JsonForm
            action="/api/portal/account/two-factor/disable"
            submitLabel={t('twoFactor.disable')}
            successMessage={t('twoFactor.disabled')}
            resetOnSuccess
            fields={[{ name: 'code', label: t('twoFactor.disableCode'), autoComplete: 'one-time-code', required: true }]}
          />
          <h3>{t('twoFactor.regenerate.title')}</h3>
          <RegenerateRecoveryCodes />
        </>
      ) : (
        <>
          <p>{t('twoFactor.off')}</p>
          <TwoFactorSetup />
        </>
      )}
    </Card>
  )
}
