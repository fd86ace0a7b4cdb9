import type { ReactNode } from 'react'

import { portalScope } from '@scope-config'
import { canPerform } from '@/access/can-perform'
import { getRequestLocale } from '@/auth/request-locale'
import { getPortalFlags, requestedPath, requireSession } from '@/auth/require-screen'
import { isScreenEnabled } from '@/flags/is-screen-enabled'
import { t } from '@/i18n/t'
import { HelpDrawer } from '@/components/help/help-drawer'
import { LocaleProvider } from '@/components/locale-provider'
import { supportRoute } from '@/help/support-route'
import { screenForPath } from '@/scope/screen-for-path'
import type { MessageKey } from '@/i18n/en'

import { FeedbackButton } from './feedback-button'
import { NotificationBell } from './notification-bell'
import { OrganizationSwitcher } from './organization-switcher'

export const dynamic = 'force-dynamic'

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSession()
  const path = await requestedPath()
  const flags = await getPortalFlags()
  const { locale } = await getRequestLocale()
  const organization = session.organization
  const screens = organization
    ? portalScope.screens.filter(
        (screen) =>
          isScreenEnabled(flags, screen.id, organization.id) &&
          canPerform({ userId: session.user.id, role: organization.role }, screen.requires).allowed,
      )
    : []
  const pathname = path.split('?')[0] ?? '/account'
  // The screen this page belongs to, which feedback is filed under.
  const section = screenForPath(pathname)?.id ?? 'account'

  return (
    <LocaleProvider locale={locale}>
      <a href="#main" className="skip-link">{t('app.skipToContent', {}, locale)}</a>
      <div className="shell">
        <header className="shell-header">
          <a href="/account" className="shell-brand">{t('app.name', {}, locale)}</a>
          <div className="row">
            {session.organizations.length > 1 && organization ? (
              <OrganizationSwitcher organizations={session.organizations} currentId={organization.id} next={path} />
            ) : organization ? (
              <span>{organization.name}</span>
            ) : null}
            <NotificationBell session={session} />
            {organization ? <HelpDrawer supportHref={supportRoute()} /> : null}
            {organization ? <FeedbackButton section={section} /> : null}
            <span className="muted">{t('session.signedInAs', { email: session.user.email }, locale)}</span>
            <form method="post" action="/api/portal/sign-out">
              <button type="submit" className="button" data-variant="secondary">{t('session.signOut', {}, locale)}</button>
            </form>
          </div>
        </header>
        <nav className="shell-nav" aria-label={t('nav.label', {}, locale)}>
          <ul>
            {screens.map((screen) => (
              <li key={screen.id}>
                <a href={screen.path} aria-current={pathname === screen.path ? 'page' : undefined}>
                  {t(`nav.${screen.id}` as MessageKey, {}, locale)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="shell-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </LocaleProvider>
  )
}
