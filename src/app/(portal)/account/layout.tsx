import type { ReactNode } from 'react'

import { portalScope } from '@scope-config'
import { canPerform } from '@/access/can-perform'
import { getPortalFlags, requestedPath, requireSession } from '@/auth/require-screen'
import { isScreenEnabled } from '@/flags/is-screen-enabled'
import { t } from '@/i18n/t'
import { HelpDrawer } from '@/components/help/help-drawer'
import { supportRoute } from '@/help/support-route'
import type { MessageKey } from '@/i18n/en'

import { FeedbackButton } from './feedback-button'
import { NotificationBell } from './notification-bell'
import { OrganizationSwitcher } from './organization-switcher'

export const dynamic = 'force-dynamic'

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSession()
  const path = await requestedPath()
  const flags = await getPortalFlags()
  const organization = session.organization
  const screens = organization
    ? portalScope.screens.filter(
        (screen) =>
          isScreenEnabled(flags, screen.id, organization.id) &&
          canPerform({ userId: session.user.id, role: organization.role }, screen.requires).allowed,
      )
    : []
  const pathname = path.split('?')[0] ?? '/account'
  // The screen this page belongs to (the longest matching path), which feedback is filed under.
  const section = [...portalScope.screens].sort((a, b) => b.path.length - a.path.length).find((screen) => pathname === screen.path || pathname.startsWith(`${screen.path}/`))?.id ?? 'account'

  return (
    <>
      <a href="#main" className="skip-link">{t('app.skipToContent')}</a>
      <div className="shell">
        <header className="shell-header">
          <a href="/account" className="shell-brand">{t('app.name')}</a>
          <div className="row">
            {session.organizations.length > 1 && organization ? (
              <OrganizationSwitcher organizations={session.organizations} currentId={organization.id} next={path} />
            ) : organization ? (
              <span>{organization.name}</span>
            ) : null}
            <NotificationBell session={session} />
            {organization ? <HelpDrawer supportHref={supportRoute()} /> : null}
            {organization ? <FeedbackButton section={section} /> : null}
            <span className="muted">{t('session.signedInAs', { email: session.user.email })}</span>
            <form method="post" action="/api/portal/sign-out">
              <button type="submit" className="button" data-variant="secondary">{t('session.signOut')}</button>
            </form>
          </div>
        </header>
        <nav className="shell-nav" aria-label={t('nav.label')}>
          <ul>
            {screens.map((screen) => (
              <li key={screen.id}>
                <a href={screen.path} aria-current={pathname === screen.path ? 'page' : undefined}>
                  {t(`nav.${screen.id}` as MessageKey)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="shell-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  )
}
