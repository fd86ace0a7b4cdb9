import type { Metadata } from 'next'

import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card } from '@/components/ui/Card'
import { Field } from '@/components/ui/Field'
import { t } from '@/i18n/t'

export const metadata: Metadata = { title: t('reset.title') }

type Props = { searchParams: Promise<{ token?: string; error?: string }> }

/** The page the forgot-password email links to. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token = '', error } = await searchParams
  return (
    <main id="main">
      <Card title={t('reset.title')} narrow>
        {error === 'link' || !token ? (
          <>
            <Alert tone="danger">{t('reset.error.link')}</Alert>
            <p><a href="/forgot-password">{t('forgot.submit')}</a></p>
          </>
        ) : (
          <form method="post" action="/api/portal/reset-password" className="stack">
            <input type="hidden" name="token" value={token} />
            <Field
              label={t('reset.password')}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              autoFocus
              hint={t('password.hint')}
              error={error === 'weak' ? t('reset.error.weak') : undefined}
            />
            <Button type="submit">{t('reset.submit')}</Button>
          </form>
        )}
      </Card>
    </main>
  )
}
