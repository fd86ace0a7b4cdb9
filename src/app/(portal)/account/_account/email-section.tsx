import { Alert } from '@/components/ui/Alert'
import { Card } from '@/components/ui/Card'
import { type Locale, t } from '@/i18n/t'

import { JsonForm } from './json-form'

export function EmailSection({ email, pendingEmail, locale }: { email: string; pendingEmail: string | null; locale: Locale }) {
  return (
    <Card title={t('account.sections.email', {}, locale)}>
      <p>{t('emailChange.current', { email }, locale)}</p>
      {pendingEmail ? <Alert>{t('emailChange.pending', { email: pendingEmail }, locale)}</Alert> : null}
      <JsonForm
        action="/api/portal/account/email"
        submitLabel={t('emailChange.submit', {}, locale)}
        successMessage={t('emailChange.sent', {}, locale)}
        resetOnSuccess
        fields={[
          { name: 'newEmail', label: t('emailChange.newEmail', {}, locale), type: 'email', autoComplete: 'email', required: true },
          { name: 'password', label: t('emailChange.password', {}, locale), type: 'password', autoComplete: 'current-password', required: true },
        ]}
      />
    </Card>
  )
}
