import { safeNextPath } from '@/auth/safe-next-path'
import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card } from '@/components/ui/Card'
import { Field } from '@/components/ui/Field'
import { t } from '@/i18n/t'
import type { MessageKey } from '@/i18n/en'

import { localizedTitle } from '../../localized-title'

export const generateMetadata = localizedTitle('signIn.twoFactor.title')

const errors: Record<string, MessageKey> = { invalid: 'signIn.twoFactor.error.invalid', locked: 'signIn.twoFactor.error.locked' }

type Props = { searchParams: Promise<{ next?: string; error?: string }> }

/** The second step of sign-in for someone with two-factor on. Works without JavaScript. */
export default async function TwoFactorSignInPage({ searchParams }: Props) {
  const { next, error } = await searchParams
  const errorKey = error ? errors[error] : undefined
  return (
    <main id="main">
      <Card title={t('signIn.twoFactor.title')} narrow>
        <p>{t('signIn.twoFactor.intro')}</p>
        {errorKey ? <Alert tone="danger">{t(errorKey)}</Alert> : null}
        <form method="post" action="/api/portal/two-factor/verify" className="stack">
          <input type="hidden" name="next" value={safeNextPath(next)} />
          <Field label={t('signIn.twoFactor.code')} name="code" autoComplete="one-time-code" required autoFocus />
          <Button type="submit">{t('signIn.twoFactor.submit')}</Button>
        </form>
        <p><a href={`/sign-in?next=${encodeURIComponent(safeNextPath(next))}`}>{t('signIn.twoFactor.cancel')}</a></p>
      </Card>
    </main>
  )
}
