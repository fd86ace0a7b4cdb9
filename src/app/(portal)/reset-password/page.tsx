import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card } from '@/components/ui/Card'
import { Field } from '@/components/ui/Field'
import { getRequestLocale } from '@/auth/request-locale'
import { t } from '@/i18n/t'

import { localizedTitle } from '../localized-title'

export const generateMetadata = localizedTitle('reset.title')

type Props = { searchParams: Promise<{ token?: string; error?: string }> }

/** The page the forgot-password email links to. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const [{ token = '', error }, { locale }] = await Promise.all([searchParams, getRequestLocale()])
  return (
    <main id="main">
      <Card title={t('reset.title', {}, locale)} narrow>
        {error === 'link' || !token ? (
          <>
            <Alert tone="danger">{t('reset.error.link', {}, locale)}</Alert>
            <p><a href="/forgot-password">{t('forgot.submit', {}, locale)}</a></p>
          </>
        ) : (
          <form method="post" action="/api/portal/reset-password" className="stack">
            <input type="hidden" name="token" value={token} />
            <Field
              label={t('reset.password', {}, locale)}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              autoFocus
              hint={t('password.hint', {}, locale)}
              error={error === 'weak' ? t('reset.error.weak', {}, locale) : undefined}
            />
            <Button type="submit">{t('reset.submit', {}, locale)}</Button>
          </form>
        )}
      </Card>
    </main>
  )
}
