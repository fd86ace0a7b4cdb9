import { Card } from '@/components/ui/Card'
import { type Locale, t } from '@/i18n/t'

import { JsonForm } from './json-form'

export function PasswordSection({ locale }: { locale: Locale }) {
  return (
    <Card title={t('account.sections.password', {}, locale)}>
      <JsonForm
        action="/api/portal/account/password"
        submitLabel={t('password.submit', {}, locale)}
        successMessage={t('password.changed', {}, locale)}
        resetOnSuccess
        fields={[
          { name: 'currentPassword', label: t('password.current', {}, locale), type: 'password', autoComplete: 'current-password', required: true },
          { name: 'newPassword', label: t('password.new', {}, locale), type: 'password', autoComplete: 'new-password', hint: t('password.hint', {}, locale), required: true },
        ]}
      />
      <p><a href="/forgot-password">{t('signIn.forgot', {}, locale)}</a></p>
    </Card>
  )
}
