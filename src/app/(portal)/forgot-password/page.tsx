import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card } from '@/components/ui/Card'
import { Field } from '@/components/ui/Field'
import { getRequestLocale } from '@/auth/request-locale'
import { t } from '@/i18n/t'

import { localizedTitle } from '../localized-title'

export const generateMetadata = localizedTitle('forgot.title')

type Props = { searchParams: Promise<{ sent?: string; error?: string }> }

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export default async function ForgotPasswordPage({ searchParams }: Props) {
  const [{ sent, error }, { locale }] = await Promise.all([searchParams, getRequestLocale()])
  return (
    <main id="main">
      <Card title={t('forgot.title', {}, locale)} narrow>
        {sent ? <Alert tone="success">{t('forgot.sent', {}, locale)}</Alert> : <p>{t('forgot.intro', {}, locale)}</p>}
        {error ? <Alert tone="danger">{t('forgot.error.email', {}, locale)}</Alert> : null}
        <form method="post" action="/api/portal/forgot-password" className="stack">
          <Field label={t('forgot.email', {}, locale)} name="email" type="email" autoComplete="email" required autoFocus />
          <Button type="submit">{t('forgot.submit', {}, locale)}</Button>
        </form>
        <p><a href="/sign-in">{t('forgot.back', {}, locale)}</a></p>
      </Card>
    </main>
  )
}
