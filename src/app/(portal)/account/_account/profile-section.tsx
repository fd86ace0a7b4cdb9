import { DATE_LOCALES, DEFAULT_LOCALE, DEFAULT_TIME_ZONE, timeZones } from '@/account/profile/date-preferences'
import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'
import type { User } from '@/payload-types'

import { JsonForm } from './json-form'

const initialsOf = (user: User) =>
  (user.name || user.email)
    .split(/[\s@._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('')

export function ProfileSection({ user }: { user: User }) {
  return (
    <Card title={t('account.profile')}>
      <div className="row">
        <span className="avatar" aria-label={t('profile.initials')} role="img">{initialsOf(user)}</span>
        <span>{user.name || user.email}</span>
      </div>
      <JsonForm
        action="/api/portal/account/profile"
        method="PATCH"
        submitLabel={t('profile.save')}
        successMessage={t('profile.saved')}
        fields={[
          { name: 'name', label: t('profile.name'), autoComplete: 'name', defaultValue: user.name ?? '', required: true },
          { name: 'locale', label: t('profile.locale'), type: 'select', options: DATE_LOCALES, defaultValue: user.locale ?? DEFAULT_LOCALE, hint: t('profile.hint') },
          { name: 'timeZone', label: t('profile.timeZone'), type: 'select', options: timeZones().map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') })), defaultValue: user.timeZone ?? DEFAULT_TIME_ZONE },
        ]}
      />
    </Card>
  )
}
