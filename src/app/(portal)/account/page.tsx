import { canPerform } from '@/access/can-perform'
import { readPendingEmail } from '@/account/email-change/read-pending-email'
import { currentSessionId } from '@/account/sessions/current-session-id'
import { listSessions } from '@/account/sessions/list-sessions'
import { readTwoFactorState } from '@/account/two-factor/two-factor-state'
import { getRequestLocale } from '@/auth/request-locale'
import { requireScreen } from '@/auth/require-screen'
import { Badge } from '@/components/ui/Badge'
import { Card } from '@/components/ui/Card'
import { Table } from '@/components/ui/Table'
import { roleLabel } from '@/i18n/role-label'
import { type Locale, t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'

import { EmailSection } from './_account/email-section'
import { JsonForm } from './_account/json-form'
import { PasswordSection } from './_account/password-section'
import { ProfileSection } from './_account/profile-section'
import { SessionsSection } from './_account/sessions-section'
import { TwoFactorSection } from './_account/two-factor-section'
import { localizedTitle } from '../localized-title'

export const generateMetadata = localizedTitle('account.title')

/** With product-jwt the product owns sign-in: say so and link there rather than pretend. */
function ProductManagedSecurity({ locale }: { locale: Locale }) {
  const link = process.env.PRODUCT_ACCOUNT_URL
  return (
    <Card title={t('account.sections.security', {}, locale)}>
      <p>{t('account.productManaged', {}, locale)}</p>
      {link ? <p><a href={link}>{t('account.productManaged.link', {}, locale)}</a></p> : null}
    </Card>
  )
}

export default async function AccountPage() {
  const [{ session }, { locale }] = await Promise.all([requireScreen('account'), getRequestLocale()])
  const payload = await payloadInstance()
  const { user, organization } = session
  const ownsOrganization = organization ? canPerform({ userId: user.id, role: organization.role }, 'org.require_two_factor').allowed : false
  // Sequential on purpose: each is one small query, and the pool is shared with the whole request.
  const pendingEmail = await readPendingEmail(payload, user.id)
  const twoFactor = await readTwoFactorState(payload, user.id)
  const sessions = session.adapter === 'payload' ? await listSessions(payload, { userId: user.id, currentSid: currentSessionId(session.user) }) : []
  const requirement = ownsOrganization && organization ? await payload.findByID({ collection: 'organizations', id: organization.id, depth: 0, select: { requireTwoFactor: true }, overrideAccess: true }) : null

  return (
    <div className="stack" data-gap="lg">
      <h1>{t('account.title', {}, locale)}</h1>
      <ProfileSection user={user} locale={locale} />
      {session.adapter === 'payload' ? (
        <>
          <EmailSection email={user.email} pendingEmail={pendingEmail} locale={locale} />
          <PasswordSection locale={locale} />
          <TwoFactorSection user={user} state={twoFactor} locale={locale} />
          <SessionsSection user={user} sessions={sessions} locale={locale} />
        </>
      ) : (
        <ProductManagedSecurity locale={locale} />
      )}
      <Card title={t('account.organizations', {}, locale)}>
        <Table caption={t('account.organizations', {}, locale)} head={[t('org.switcher.label', {}, locale), t('account.role', {}, locale)]}>
          {session.organizations.map((choice) => (
            <tr key={choice.id}>
              <td>{choice.name}</td>
              <td><Badge tone={choice.id === organization?.id ? 'accent' : undefined}>{roleLabel(choice.role, locale)}</Badge></td>
            </tr>
          ))}
        </Table>
        {requirement && organization ? (
          <JsonForm
            action="/api/portal/account/organization-two-factor"
            method="PUT"
            submitLabel={t('twoFactor.orgRequirement.save', {}, locale)}
            successMessage={t('account.saved', {}, locale)}
            fields={[{ name: 'required', type: 'checkbox', label: t('twoFactor.orgRequirement', { organization: organization.name }, locale), defaultChecked: Boolean(requirement.requireTwoFactor) }]}
          />
        ) : null}
      </Card>
    </div>
  )
}
