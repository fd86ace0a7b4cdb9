import { DATE_LOCALES, DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from '@/account/profile/date-preferences'
import { Card } from '@/components/ui/Card'
import { type Locale, t } from '@/i18n/t'
import type { User } from '@/payload-types'

import { JsonForm } from './json-form'

const initialsOf = (user: User) =>
  (user.name || user.email)
    .split(/[\s@._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('')

export function ProfileSection({ user, locale }: { user: User; locale: Locale }) {
  return (
    <Card title={t('account.profile', {}, locale)}>
      <div className="row">
        <span className="avatar" aria-label={t('profile.initials', {}, locale)} role="img">{initialsOf(user)}</span>
        <span>{user.name || user.email}</span>
      </div>
      <JsonForm
        action="/api/portal/account/profile"
        method="PATCH"
        submitLabel={t('profile.save', {}, locale)}
        successMessage={t('profile.saved', {}, locale)}
        fields={[
          { name: 'name', label: t('profile.name', {}, locale), autoComplete: 'name', defaultValue: user.name ?? '', required: true },
          { name: 'locale', label: t('profile.locale', {}, locale), type: 'select', options: DATE_LOCALES, defaultValue: user.locale ?? DEFAULT_LOCALE, hint: t('profile.hint', {}, locale) },
          { name: 'timeZone', label: t('profile.timeZone', {}, locale), type: 'time-zone', defaultValue: user.timeZone ?? DEFAULT_TIME_ZONE },
        ]}
      />
    </Card>
  )
}
