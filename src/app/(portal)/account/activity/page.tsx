import { loadActivityNames, NO_NAMES } from '@/audit/activity-names'
import { parseActivityQuery } from '@/audit/activity-query'
import { describeActivity } from '@/audit/describe-activity'
import { listActivityMembers } from '@/audit/list-activity-members'
import { listOrganizationActivity } from '@/audit/list-organization-activity'
import { getRequestLocale } from '@/auth/request-locale'
import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import { Card } from '@/components/ui/Card'
import { Table } from '@/components/ui/Table'
import { formatDate } from '@/i18n/formatters'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'
import { EVENT_TYPES } from '@/notifications/event-catalog'

import { localizedTitle } from '../../localized-title'

export const generateMetadata = localizedTitle('activity.title')

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** The organization's timeline for owners and admins: filter by member and type, page with a cursor. */
export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const [access, format] = await Promise.all([requireScreen('activity'), getRequestLocale()])
  const { locale } = format
  const { session } = access
  const organization = session.organization
  const query = parseActivityQuery(await searchParams)
  const { member, type } = query
  let page: Awaited<ReturnType<typeof listOrganizationActivity>> = { entries: [], nextCursor: null }
  let members: Awaited<ReturnType<typeof listActivityMembers>> = []
  let names = NO_NAMES
  if (access.allowed && organization) {
    const payload = await payloadInstance()
    ;[page, members] = await Promise.all([
      listOrganizationActivity(payload, session.user, { organizationId: organization.id, actorUserId: member, action: type, cursor: query.cursor }),
      listActivityMembers(payload, session.user, organization.id),
    ])
    names = await loadActivityNames(payload, page.entries)
  }
  const organizationName = organization?.name ?? ''
  const filterQuery = new URLSearchParams({ ...(member ? { member: String(member) } : {}), ...(type ? { type } : {}) })
  const olderQuery = page.nextCursor ? new URLSearchParams([...filterQuery, ['cursor', page.nextCursor]]) : null

  return (
    <div className="stack">
      <h1>{t('activity.title', {}, locale)}</h1>
      <ScreenGuard access={access} locale={locale}>
        <p className="muted">{t('activity.intro', { organization: organization?.name ?? '' }, locale)}</p>
        <Card>
          <form method="get" className="row">
            <div className="field">
              <label htmlFor="activity-member">{t('activity.filter.member', {}, locale)}</label>
              <select id="activity-member" name="member" defaultValue={member ? String(member) : ''}>
                <option value="">{t('activity.filter.anyMember', {}, locale)}</option>
                {members.map((user) => (
                  <option key={user.id} value={user.id}>{user.name || user.email}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="activity-type">{t('activity.filter.type', {}, locale)}</label>
              <select id="activity-type" name="type" defaultValue={type ?? ''}>
                <option value="">{t('activity.filter.anyType', {}, locale)}</option>
                {EVENT_TYPES.map((eventType) => (
                  <option key={eventType} value={eventType}>{t(`activity.type.${eventType}`, {}, locale)}</option>
                ))}
              </select>
            </div>
            <button type="submit" className="button" data-variant="secondary">{t('activity.filter.apply', {}, locale)}</button>
            {member || type ? <a href="/account/activity">{t('activity.filter.clear', {}, locale)}</a> : null}
          </form>
        </Card>
        {page.entries.length === 0 ? (
          <Card>
            <p className="muted">{t('activity.empty', {}, locale)}</p>
          </Card>
        ) : (
          <Table
            caption={t('activity.table.caption', { organization: organization?.name ?? '' }, locale)}
            head={[t('activity.table.when', {}, locale), t('activity.table.who', {}, locale), t('activity.table.what', {}, locale), t('activity.table.changes', {}, locale)]}
          >
            {page.entries.map((entry) => {
              const line = describeActivity(entry, { names, format, organizationName })
              return (
                <tr key={entry.id} data-action={entry.action}>
                  <td><time dateTime={entry.createdAt}>{formatDate(entry.createdAt, format, 'dateTime')}</time></td>
                  <td>{entry.actorLabel}</td>
                  <td>{line.sentence}</td>
                  <td className="muted">{line.changes.join('; ')}</td>
                </tr>
              )
            })}
          </Table>
        )}
        <div className="row">
          {query.cursor ? <a href={`/account/activity${filterQuery.size ? `?${filterQuery}` : ''}`}>{t('activity.newest', {}, locale)}</a> : null}
          {olderQuery ? <a className="button" data-variant="secondary" href={`/account/activity?${olderQuery}`}>{t('activity.older', {}, locale)}</a> : null}
        </div>
      </ScreenGuard>
    </div>
  )
}
