import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card } from '@/components/ui/Card'
import { Field } from '@/components/ui/Field'
import { getRequestLocale } from '@/auth/request-locale'
import { safeNextPath } from '@/auth/safe-next-path'
import { t } from '@/i18n/t'
import type { MessageKey } from '@/i18n/en'

import { localizedTitle } from '../localized-title'

export const generateMetadata = localizedTitle('signIn.title')

const errors: Record<string, MessageKey> = { invalid: 'signIn.error.invalid', locked: 'signIn.error.locked', missing: 'signIn.error.missing', expired: 'signIn.error.expired' }
const notices: Record<string, MessageKey> = { passwordReset: 'signIn.notice.passwordReset' }

type Props = { searchParams: Promise<{ next?: string; error?: string; email?: string; notice?: string }> }

/** Our minimal sign-in, used when the product doesn't bring its own (AUTH_SIGN_IN_URL). Works without JavaScript. */
export default async function SignInPage({ searchParams }: Props) {
  const [{ next, error, email, notice }, { locale }] = await Promise.all([searchParams, getRequestLocale()])
  const errorKey = error ? errors[error] : undefined
  const noticeKey = notice ? notices[notice] : undefined
  return (
    <main id="main">
      <Card title={t('signIn.title', {}, locale)} narrow>
        {errorKey ? <Alert tone="danger">{t(errorKey, {}, locale)}</Alert> : null}
        {noticeKey ? <Alert tone="success">{t(noticeKey, {}, locale)}</Alert> : null}
        <form method="post" action="/api/portal/sign-in" className="stack">
          <input type="hidden" name="next" value={safeNextPath(next)} />
          <Field label={t('signIn.email', {}, locale)} name="email" type="email" autoComplete="email" required defaultValue={email} autoFocus />
          <Field label={t('signIn.password', {}, locale)} name="password" type="password" autoComplete="current-password" required />
          <Button type="submit">{t('signIn.submit', {}, locale)}</Button>
        </form>
        <p><a href="/forgot-password">{t('signIn.forgot', {}, locale)}</a></p>
      </Card>
    </main>
  )
}
