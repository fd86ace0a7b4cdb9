import { Alert } from '@/components/ui/Alert'
import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'

import { JsonForm } from './json-form'

export function EmailSection({ email, pendingEmail }: { email: string; pendingEmail: string | null }) {
  return (
    <Card title={t('account.sections.email')}>
      <p>{t('emailChange.current', { email })}</p>
      {pendingEmail ? <Alert>{t('emailChange.pending', { email: pendingEmail })}</Alert> : null}
      <JsonForm
        action="/api/portal/account/email"
        submitLabel={t('emailChange.submit')}
        successMessage={t('emailChange.sent')}
        resetOnSuccess
        fields={[
          { name: 'newEmail', label: t('emailChange.newEmail'), type: 'email', autoComplete: 'email', required: true },
          { name: 'password', label: t('emailChange.password'), type: 'password', autoComplete: 'current-password', required: true },
        ]}
      />
    </Card>
  )
}
