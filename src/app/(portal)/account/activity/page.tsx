import { parseActivityQuery } from '@/audit/activity-query'
import { changedFields } from '@/audit/changed-fields'
import { listActivityMembers } from '@/audit/list-activity-members'
import { listOrganizationActivity } from '@/audit/list-organization-activity'
import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import { Card } from '@/components/ui/Card'
import { Table } from '@/components/ui/Table'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'
import { EVENT_CATALOG, EVENT_TYPES } from '@/notifications/event-catalog'
import type { PortalAudit } from '@/payload-types'

export const metadata = { title: t('activity.title') }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const describeAction = (action: string) => (action in EVENT_CATALOG ? EVENT_CATALOG[action as keyof typeof EVENT_CATALOG].label : action)

const describeChanges = (entry: PortalAudit) =>
  Object.entries(changedFields(entry.before as Record<string, unknown> | null, entry.after as Record<string, unknown> | null))
    .filter(([, [from, to]]) => typeof from !== 'object' && typeof to !== 'object')
    .map(([field, [from, to]]) => `${field}: ${from ?? '—'} → ${to ?? '—'}`)
    .join('; ')

/** The organization's timeline for owners and admins: filter by member and type, page with a cursor. */
export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const access = await requireScreen('activity')
  const { session } = access
  const organization = session.organization
  const query = parseActivityQuery(await searchParams)
  const { member, type } = query
  let page: Awaited<ReturnType<typeof listOrganizationActivity>> = { entries: [], nextCursor: null }
  let members: Awaited<ReturnType<typeof listActivityMembers>> = []
  if (access.allowed && organization) {
    const payload = await payloadInstance()
    ;[page, members] = await Promise.all([
      listOrganizationActivity(payload, session.user, { organizationId: organization.id, actorUserId: member, action: type, cursor: query.cursor }),
      listActivityMembers(payload, session.user, organization.id),
    ])
  }
  const filterQuery = new URLSearchParams({ ...(member ? { member: String(member) } : {}), ...(type ? { type } : {}) })
  const olderQuery = page.nextCursor ? new URLSearchParams([...filterQuery, ['cursor', page.nextCursor]]) : null

  return (
    <div className="stack">
      <h1>{t('activity.title')}</h1>
      <ScreenGuard access={access} section={t('activity.title')}>
        <p className="muted">{t('activity.intro', { organization: organization?.name ?? '' })}</p>
        <Card>
          <form method="get" className="row">
            <div className="field">
              <label htmlFor="activity-member">{t('activity.filter.member')}</label>
              <select id="activity-member" name="member" defaultValue={member ? String(member) : ''}>
                <option value="">{t('activity.filter.anyMember')}</option>
                {members.map((user) => (
                  <option key={user.id} value={user.id}>{user.name || user.email}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="activity-type">{t('activity.filter.type')}</label>
              <select id="activity-type" name="type" defaultValue={type ?? ''}>
                <option value="">{t('activity.filter.anyType')}</option>
                {EVENT_TYPES.map((eventType) => (
                  <option key={eventType} value={eventType}>{EVENT_CATALOG[eventType].label}</option>
                ))}
              </select>
            </div>
            <button type="submit" className="button" data-variant="secondary">{t('activity.filter.apply')}</button>
            {member || type ? <a href="/account/activity">{t('activity.filter.clear')}</a> : null}
          </form>
        </Card>
        {page.entries.length === 0 ? (
          <Card>
            <p className="muted">{t('activity.empty')}</p>
          </Card>
        ) : (
          <Table
            caption={t('activity.table.caption', { organization: organization?.name ?? '' })}
            head={[t('activity.table.when'), t('activity.table.who'), t('activity.table.what'), t('activity.table.changes')]}
          >
            {page.entries.map((entry) => (
              <tr key={entry.id}>
                <td><time dateTime={entry.createdAt}>{new Date(entry.createdAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC</time></td>
                <td>{entry.actorLabel}</td>
                <td>{describeAction(entry.action)}</td>
                <td className="muted">{describeChanges(entry)}</td>
              </tr>
            ))}
          </Table>
        )}
        <div className="row">
          {query.cursor ? <a href={`/account/activity${filterQuery.size ? `?${filterQuery}` : ''}`}>{t('activity.newest')}</a> : null}
          {olderQuery ? <a className="button" data-variant="secondary" href={`/account/activity?${olderQuery}`}>{t('activity.older')}</a> : null}
        </div>
      </ScreenGuard>
    </div>
  )
}
