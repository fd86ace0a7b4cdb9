import { getRequestLocale } from '@/auth/request-locale'
import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'

/** Inside the account shell, so the nav, the help and the way back are all still there. */
export default async function AccountNotFound() {
  const { locale } = await getRequestLocale()
  return (
    <Card title={t('error.notFound.title', {}, locale)}>
      <p>{t('error.notFound.body', {}, locale)}</p>
      <p><a href="/account">{t('error.notFound.back', {}, locale)}</a></p>
    </Card>
  )
}
