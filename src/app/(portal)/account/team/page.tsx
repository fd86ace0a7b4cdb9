import { getRequestLocale } from '@/auth/request-locale'
import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'
import { listTeam } from '@/team/list-team'
import { teamView } from '@/team/team-view'

import { InvitationsTable } from './invitations-table'
import { InviteForm } from './invite-form'
import { LeaveOrganizationButton } from './leave-organization-button'
import { MembersTable } from './members-table'
import { TransferOwnershipForm } from './transfer-ownership-form'
import { localizedTitle } from '../../localized-title'

export const generateMetadata = localizedTitle('team.title')

/** The team: members, pending invitations, invite, transfer, leave, as `teamView` offers them to this viewer. */
export default async function TeamPage() {
  const [access, format] = await Promise.all([requireScreen('team'), getRequestLocale()])
  const { locale } = format
  const { session } = access
  const organization = session.organization
  if (!access.allowed || !organization) {
    return (
      <div className="stack">
        <h1>{t('team.title', {}, locale)}</h1>
        <ScreenGuard access={access} locale={locale}>{null}</ScreenGuard>
      </div>
    )
  }

  const team = await listTeam(await payloadInstance(), organization.id)
  const view = teamView(team, { userId: session.user.id, role: organization.role }, format)

  return (
    <div className="stack" data-gap="lg">
      <div className="stack" data-gap="sm">
        <h1>{t('team.title', {}, locale)}</h1>
        <p className="muted">{t('team.intro', { organization: organization.name }, locale)}</p>
        {team.seatLimit ? <p className="muted">{t('team.seats', { used: team.seatsUsed, limit: team.seatLimit }, locale)}</p> : null}
        {view.canChangeRoles ? null : <p className="muted">{t('team.readOnly', {}, locale)}</p>}
      </div>
      <Card title={t('team.members', {}, locale)}>
        <MembersTable members={view.members} organizationName={organization.name} />
      </Card>
      <Card title={t('team.invitations', {}, locale)}>
        <InvitationsTable invitations={view.invitations} organizationName={organization.name} />
      </Card>
      {view.grantable.length > 0 ? (
        <Card title={t('team.invite', {}, locale)}>
          <InviteForm roles={view.grantable} />
        </Card>
      ) : null}
      {view.transferCandidates ? (
        <Card title={t('team.transfer', {}, locale)}>
          <TransferOwnershipForm candidates={view.transferCandidates} organizationName={organization.name} />
        </Card>
      ) : null}
      <Card title={t('team.leave', {}, locale)}>
        {view.canLeave ? <LeaveOrganizationButton organizationName={organization.name} /> : <p className="muted">{t('team.denied.ownerLeaves', {}, locale)}</p>}
      </Card>
    </div>
  )
}
