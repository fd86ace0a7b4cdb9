import { getRequestLocale } from '@/auth/request-locale'
import { requestedPath, requireSession } from '@/auth/require-screen'
import { Card } from '@/components/ui/Card'
import type { MessageKey } from '@/i18n/en'
import { roleLabel } from '@/i18n/role-label'
import { t } from '@/i18n/t'
import { screenForPath } from '@/scope/screen-for-path'

/**
 * What `forbidden()` in requireScreen renders, with HTTP 403, inside the account shell. It gets no
 * props, so the section comes from the path asked for and the role from the session.
 */
export default async function AccountForbidden() {
  const [session, path, { locale }] = await Promise.all([requireSession(), requestedPath(), getRequestLocale()])
  const screen = screenForPath(path)
  const section = screen ? t(`nav.${screen.id}` as MessageKey, {}, locale) : t('nav.account', {}, locale)
  const organization = session.organization
  return (
    <div className="stack">
      <h1>{section}</h1>
      <Card title={t('screen.forbidden.title', { section }, locale)}>
        {organization ? <p>{t('screen.forbidden.body', { organization: organization.name, role: roleLabel(organization.role, locale) }, locale)}</p> : null}
        <p><a href="/account">{t('screen.forbidden.back', {}, locale)}</a></p>
      </Card>
    </div>
  )
}
