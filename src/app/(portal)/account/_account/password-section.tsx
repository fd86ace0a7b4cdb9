import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'

import { JsonForm } from './json-form'

export function PasswordSection() {
  return (
    <Card title={t('account.sections.password')}>
      <JsonForm
        action="/api/portal/account/password"
        submitLabel={t('password.submit')}
        successMessage={t('password.changed')}
        resetOnSuccess
        fields={[
          { name: 'currentPassword', label: t('password.current'), type: 'password', autoComplete: 'current-password', required: true },
          { name: 'newPassword', label: t('password.new'), type: 'password', autoComplete: 'new-password', hint: t('password.hint'), required: true },
        ]}
      />
      <p><a href="/forgot-password">{t('signIn.forgot')}</a></p>
    </Card>
  )
}
