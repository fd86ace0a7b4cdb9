import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card } from '@/components/ui/Card'
import { getRequestLocale } from '@/auth/request-locale'
import { t } from '@/i18n/t'
import type { MessageKey } from '@/i18n/en'

import { localizedTitle } from '../localized-title'

export const generateMetadata = localizedTitle('confirmEmail.title')

const outcomes: Record<string, { key: MessageKey; tone: 'success' | 'danger' }> = {
  done: { key: 'confirmEmail.done', tone: 'success' },
  invalid: { key: 'confirmEmail.invalid', tone: 'danger' },
  expired: { key: 'confirmEmail.expired', tone: 'danger' },
  taken: { key: 'confirmEmail.taken', tone: 'danger' },
}

type Props = { searchParams: Promise<{ token?: string; status?: string }> }

/**
 * The emailed link opens this page; the change applies on the button's POST, not on the GET, so a
 * mail scanner that fetches links can't use it up.
 */
export default async function ConfirmEmailPage({ searchParams }: Props) {
  const [{ token, status }, { locale }] = await Promise.all([searchParams, getRequestLocale()])
  const outcome = status ? outcomes[status] : undefined
  return (
    <main id="main">
      <Card title={t('confirmEmail.title', {}, locale)} narrow>
        {outcome ? (
          <>
            <Alert tone={outcome.tone}>{t(outcome.key, {}, locale)}</Alert>
            <p><a href="/account">{t('confirmEmail.toAccount', {}, locale)}</a></p>
          </>
        ) : (
          <form method="post" action="/api/portal/confirm-email" className="stack">
            <p>{t('confirmEmail.intro', {}, locale)}</p>
            <input type="hidden" name="token" value={token ?? ''} />
            <Button type="submit">{t('confirmEmail.submit', {}, locale)}</Button>
          </form>
        )}
      </Card>
    </main>
  )
}
