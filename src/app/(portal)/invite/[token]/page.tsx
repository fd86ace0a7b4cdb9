import type { ReactNode } from 'react'

import { getPortalSession } from '@/auth/get-portal-session'
import { getRequestLocale } from '@/auth/request-locale'
import { sessionAdapterFromEnv } from '@/auth/portal-session'
import { signInUrl } from '@/auth/safe-next-path'
import { Alert } from '@/components/ui/Alert'
import { Button } from '@/components/ui/Button'
import { Card } from '@/components/ui/Card'
import { Field } from '@/components/ui/Field'
import type { MessageKey } from '@/i18n/en'
import { roleLabel } from '@/i18n/role-label'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'
import { MIN_PASSWORD_LENGTH } from '@/team/accept-invitation'
import { findInvitationByToken } from '@/team/find-invitation-by-token'

import { localizedTitle } from '../../localized-title'

export const dynamic = 'force-dynamic'
export const generateMetadata = localizedTitle('invite.pageTitle', { referrer: 'no-referrer' })

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ error?: string }> }

/** Refusals the accept route sends back here; the invitation's own state (expired, used …) is read fresh instead. */
const ERRORS: Record<string, MessageKey> = {
  name: 'invite.error.name',
  password: 'invite.error.password',
  account_exists: 'invite.error.account_exists',
  already_member: 'invite.error.already_member',
  sign_in_needed: 'invite.error.sign_in_needed',
  failed: 'invite.error.failed',
}

const Page = ({ title, children }: { title: string; children: ReactNode }) => (
  <main id="main">
    <Card title={title} narrow>{children}</Card>
  </main>
)

/**
 * Where an invitation email leads. Every state is a page that says what happened and what to do —
 * never an error screen: valid (join in one click, or create an account / sign in first), signed
 * in as someone else, expired, revoked, already used, or a link that matches nothing.
 */
export default async function InvitePage({ params, searchParams }: Props) {
  const { token } = await params
  const { error } = await searchParams
  const { locale } = await getRequestLocale()
  const lookup = await findInvitationByToken(await payloadInstance(), token)
  if (lookup.state === 'unknown') {
    return <Page title={t('invite.unknown.title', {}, locale)}><p>{t('invite.unknown.body', {}, locale)}</p></Page>
  }

  const { invitation, organization, inviterName } = lookup
  const vars = { organization: organization.name, email: invitation.email, role: roleLabel(invitation.role, locale), inviter: inviterName ?? '' }
  const session = await getPortalSession()
  if (lookup.state !== 'valid') {
    return (
      <Page title={t(`invite.${lookup.state}.title`, {}, locale)}>
        <p>{t(`invite.${lookup.state}.body`, vars, locale)}</p>
        <p><a href={session ? '/account' : signInUrl('/account')}>{t('invite.goToAccount', {}, locale)}</a></p>
      </Page>
    )
  }

  const errorKey = error ? ERRORS[error] : undefined
  const errorAlert = errorKey ? <Alert tone="danger">{t(errorKey, { ...vars, min: MIN_PASSWORD_LENGTH }, locale)}</Alert> : null
  const summary = <p>{t(inviterName ? 'invite.summary' : 'invite.summaryNoInviter', vars, locale)}</p>
  const here = `/invite/${token}`

  if (session && session.user.email.toLowerCase() !== invitation.email) {
    return (
      <Page title={t('invite.wrongAccount.title', {}, locale)}>
        <p>{t('invite.wrongAccount.body', { current: session.user.email, email: invitation.email }, locale)}</p>
        <form method="post" action="/api/portal/sign-out">
          <Button type="submit" variant="secondary">{t('invite.signOut', {}, locale)}</Button>
        </form>
      </Page>
    )
  }

  if (session) {
    return (
      <Page title={t('invite.title', vars, locale)}>
        {summary}
        {errorAlert}
        <form method="post" action="/api/team/invitations/accept">
          <input type="hidden" name="token" value={token} />
          <Button type="submit">{t('invite.join', vars, locale)}</Button>
        </form>
      </Page>
    )
  }

  const canCreateAccount = sessionAdapterFromEnv().name === 'payload'
  return (
    <Page title={t('invite.title', vars, locale)}>
      {summary}
      {errorAlert}
      {canCreateAccount ? (
        <form method="post" action="/api/team/invitations/accept" className="stack">
          <h2>{t('invite.create.title', {}, locale)}</h2>
          <input type="hidden" name="token" value={token} />
          <Field label={t('invite.create.email', {}, locale)} name="email" type="email" value={invitation.email} readOnly autoComplete="username" />
          <Field label={t('invite.create.name', {}, locale)} name="name" autoComplete="name" required maxLength={120} autoFocus />
          <Field
            label={t('invite.create.password', {}, locale)}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            hint={t('invite.create.passwordHint', { min: MIN_PASSWORD_LENGTH }, locale)}
            error={error === 'password' ? t('invite.error.password', { min: MIN_PASSWORD_LENGTH }, locale) : undefined}
          />
          <Button type="submit">{t('invite.create.submit', {}, locale)}</Button>
        </form>
      ) : null}
      <p>
        {t('invite.signIn', vars, locale)} <a href={signInUrl(here)}>{t('invite.signInLink', {}, locale)}</a>
      </p>
    </Page>
  )
}
