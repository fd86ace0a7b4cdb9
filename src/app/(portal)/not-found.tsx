import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'

export default function NotFound() {
  return (
    <main id="main">
      <Card title={t('error.notFound.title')} narrow>
        <p>{t('error.notFound.body')}</p>
        <p><a href="/account">{t('error.notFound.back')}</a></p>
      </Card>
    </main>
  )
}
