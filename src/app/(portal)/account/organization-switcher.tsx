import type { OrganizationChoice } from '@/auth/portal-session'
import { t } from '@/i18n/t'

/** A plain form: works with the keyboard and without JavaScript. */
export function OrganizationSwitcher({ organizations, currentId, next }: { organizations: OrganizationChoice[]; currentId: number; next: string }) {
  return (
    <form method="post" action="/api/portal/organization" className="row">
      <input type="hidden" name="next" value={next} />
      <label htmlFor="organization-switcher" className="visually-hidden">{t('org.switcher.label')}</label>
      <select id="organization-switcher" name="organizationId" defaultValue={currentId} className="button" data-variant="secondary">
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>{organization.name}</option>
        ))}
      </select>
      <button type="submit" className="button" data-variant="secondary">{t('org.switcher.submit')}</button>
    </form>
  )
}
