import { PlaceholderScreen } from '@/components/PlaceholderScreen'
import { t } from '@/i18n/t'

export const metadata = { title: t('billing.title') }

export default function Page() {
  return <PlaceholderScreen screen="billing" />
}
