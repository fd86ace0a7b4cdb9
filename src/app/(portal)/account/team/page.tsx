import { canPerform, type Target } from '@/access/can-perform'
import type { Action } from '@/access/matrix'
import { ROLES } from '@/access/roles'
import { requireScreen } from '@/auth/require-screen'
import { ScreenGuard } from '@/components/ScreenGuard'
import { Card } from '@/components/ui/Card'
import { t } from '@/i18n/t'
import { payloadInstance } from '@/lib/payload'
import { listTeam } from '@/team/list-team'

import { InvitationsTable, type InvitationView } from './invitations-table'
import { InviteForm } from './invite-form'
import { LeaveOrganizationButton } from './leave-organization-button'
import { MembersTable, type MemberView } from './members-table'
import { TransferOwnershipForm } from './transfer-ownership-form'

export const metadata = { title: t('team.title') }

// Formatted here, not in the browser, so server and client render the same text.
const formatDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })
const formatDateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/**
 * The team: members, pending invitations, invite, transfer, leave. What each control offers comes
 * from `canPerform` for this viewer and each row, the same decision the routes make again on submit.
 */
export default async function TeamPage() {
  const access = await requireScreen('team')
  const { session } = access
  const organization = session.organization
  if (!access.allowed || !organization) {
    return (
      <div className="stack">
        <h1>{t('team.title')}</h1>
        <ScreenGuard access={access} section={t('team.title')}>{null}</ScreenGuard>
      </div>
    )
  }

  const team = await listTeam(await payloadInstance(), organization.id)
  const actor = { userId: session.user.id, role: organization.role }
  const allowed = (action: Action, target: Target = {}) => canPerform(actor, action, target).allowed

  const members: MemberView[] = team.members.map((member) => {
    const target = { userId: member.userId, role: member.role }
    return {
      id: member.id,
      name: member.name,
      email: member.email,
      role: member.role,
      joinedAt: member.joinedAt,
      joinedLabel: formatDate.format(new Date(member.joinedAt)),
      lastActiveAt: member.lastActiveAt,
      lastActiveLabel: member.lastActiveAt ? formatDateTime.format(new Date(member.lastActiveAt)) : t('team.never'),
      isYou: member.userId === session.user.id,
      roleOptions: ROLES.filter((role) => role === member.role || allowed('team.change_role', { ...target, newRole: role })),
      removable: allowed('team.remove', target),
    }
  })
  const grantable = ROLES.filter((role) => allowed('team.invite', { newRole: role }))
  const invitations: InvitationView[] = team.invitations.map((invitation) => ({
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invitedBy: invitation.invitedBy ? invitation.invitedBy.name || invitation.invitedBy.email : null,
    expiresLabel: formatDateTime.format(new Date(invitation.expiresAt)),
    expired: invitation.expired,
    canResend: allowed('team.invite', { newRole: invitation.role }),
    canRevoke: allowed('team.revoke_invitation'),
  }))
  const transferCandidates = allowed('team.transfer_ownership')
    ? team.members.filter((member) => allowed('team.transfer_ownership', { userId: member.userId })).map((member) => ({ id: member.id, label: `${member.name || member.email} (${member.email})` }))
    : null

  return (
    <div className="stack" data-gap="lg">
      <div className="stack" data-gap="sm">
        <h1>{t('team.title')}</h1>
        <p className="muted">{t('team.intro', { organization: organization.name })}</p>
        {team.seatLimit ? <p className="muted">{t('team.seats', { used: team.seatsUsed, limit: team.seatLimit })}</p> : null}
        {allowed('team.change_role') ? null : <p className="muted">{t('team.readOnly')}</p>}
      </div>
      <Card title={t('team.members')}>
        <MembersTable members={members} organizationName={organization.name} />
      </Card>
      <Card title={t('team.invitations')}>
        <InvitationsTable invitations={invitations} organizationName={organization.name} />
      </Card>
      {grantable.length > 0 ? (
        <Card title={t('team.invite')}>
          <InviteForm roles={grantable} />
        </Card>
      ) : null}
      {transferCandidates ? (
        <Card title={t('team.transfer')}>
          <TransferOwnershipForm candidates={transferCandidates} organizationName={organization.name} />
        </Card>
      ) : null}
      <Card title={t('team.leave')}>
        {allowed('team.leave') ? <LeaveOrganizationButton organizationName={organization.name} /> : <p className="muted">{t('team.denied.ownerLeaves')}</p>}
      </Card>
    </div>
  )
}
