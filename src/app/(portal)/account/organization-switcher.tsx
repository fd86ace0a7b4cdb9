import type { OrganizationChoice } from '@/auth/portal-session'
import { getRequestLocale } from '@/auth/request-locale'
import { t } from '@/i18n/t'

/** A plain form: works with the keyboard and without JavaScript. */
export async function OrganizationSwitcher({ organizations, currentId, next }: { organizations: OrganizationChoice[]; currentId: number; next: string }) {
  const { locale } = await getRequestLocale()
  return (
    <form method="post" action="/api/portal/organization" className="row">
      <input type="hidden" name="next" value={next} />
      <label htmlFor="organization-switcher" className="visually-hidden">{t('org.switcher.label', {}, locale)}</label>
      <select id="organization-switcher" name="organizationId" defaultValue={currentId} className="button" data-variant="secondary">
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>{organization.name}</option>
        ))}
      </select>
      <button type="submit" className="button" data-variant="secondary">{t('org.switcher.submit', {}, locale)}</button>
    </form>
  )
}
