import type { Metadata } from 'next'

import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card } from '@/components/ui/Card'
import { Field } from '@/components/ui/Field'
import { t } from '@/i18n/t'

export const metadata: Metadata = { title: t('forgot.title') }

type Props = { searchParams: Promise<{ sent?: string; error?: string }> }

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export default async function ForgotPasswordPage({ searchParams }: Props) {
  const { sent, error } = await searchParams
  return (
    <main id="main">
      <Card title={t('forgot.title')} narrow>
        {sent ? <Alert tone="success">{t('forgot.sent')}</Alert> : <p>{t('forgot.intro')}</p>}
        {error ? <Alert tone="danger">{t('forgot.error.email')}</Alert> : null}
        <form method="post" action="/api/portal/forgot-password" className="stack">
          <Field label={t('forgot.email')} name="email" type="email" autoComplete="email" required autoFocus />
          <Button type="submit">{t('forgot.submit')}</Button>
        </form>
        <p><a href="/sign-in">{t('forgot.back')}</a></p>
      </Card>
    </main>
  )
}
