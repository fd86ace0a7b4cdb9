import { needsTwoFactorEnrolment } from '@/account/two-factor/needs-enrolment'
import { readTwoFactorState } from '@/account/two-factor/two-factor-state'
import { getRequestLocale } from '@/auth/request-locale'
import { requireSession } from '@/auth/require-screen'
import { Alert } from '@/components/ui/Alert'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'

import { TwoFactorSection } from '../_account/two-factor-section'
import { localizedTitle } from '../../localized-title'

export const generateMetadata = localizedTitle('account.sections.twoFactor')

/** Where requireSession sends a member whose organization requires two-factor; also a direct link. */
export default async function TwoFactorPage() {
  const [session, { locale }] = await Promise.all([requireSession(), getRequestLocale()])
  const payload = await payloadInstance()
  const state = await readTwoFactorState(payload, session.user.id)
  const required = await needsTwoFactorEnrolment(payload, session.user, session.organizations.map((organization) => organization.id))
  return (
    <div className="stack" data-gap="lg">
      <h1>{t('account.sections.twoFactor', {}, locale)}</h1>
      {required && session.organization ? <Alert>{t('twoFactor.required', { organization: session.organization.name }, locale)}</Alert> : null}
      <TwoFactorSection user={session.user} state={state} locale={locale} />
      {state.enabledAt ? <p><a href="/account">{t('error.notFound.back', {}, locale)}</a></p> : null}
    </div>
  )
}
