import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'

/** Inside the account shell, so the nav, the help and the way back are all still there. */
export default function AccountNotFound() {
  return (
    <Card title={t('error.notFound.title')}>
      <p>{t('error.notFound.body')}</p>
      <p><a href="/account">{t('error.notFound.back')}</a></p>
    </Card>
  )
}
