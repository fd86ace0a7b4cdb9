import type { Payload } from 'payload'

import { t } from '@/i18n/t'

/** In the admin nav: where a staff member turns two-factor sign-in on. */
export function TwoFactorNavLink({ payload }: { payload: Payload }) {
  return (
    <a className="nav__link" href={`${payload.config.routes.admin}/two-factor`}>
      <span className="nav__link-label">{t('signIn.twoFactor.title')}</span>
    </a>
  )
}
