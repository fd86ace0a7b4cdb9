import { type Actor, canPerform, type Target } from '../access/can-perform'
import type { Action } from '../access/matrix'
import { ROLES, type Role } from '../access/roles'
import { formatDate, type FormatContext } from '../i18n/formatters'
import { t } from '../i18n/t'
import type { TeamListing } from './list-team'

export type MemberView = {
  id: number
  name: string | null
  email: string
  role: Role
  joinedAt: string
  joinedLabel: string
  lastActiveAt: string | null
  lastActiveLabel: string
  isYou: boolean
  /** Roles the viewer may set for this member (always including the current one); one entry = read-only. */
  roleOptions: Role[]
  removable: boolean
}

export type InvitationView = {
  id: number
  email: string
  role: Role
  invitedBy: string | null
  expiresLabel: string
  expired: boolean
  canResend: boolean
  canRevoke: boolean
}

export type TeamView = {
  members: MemberView[]
  invitations: InvitationView[]
  /** Roles the viewer may invite as; empty hides the invite form. */
  grantable: Role[]
  /** Who ownership can go to; null when the viewer can't transfer it. */
  transferCandidates: { id: number; label: string }[] | null
  canChangeRoles: boolean
  canLeave: boolean
}

// Formatted on the server, not in the browser, so server and client render the same text; in the
// viewer's language and formats, UTC unless the profile says otherwise.
const ENGLISH: FormatContext = { locale: 'en', timeZone: 'UTC' }

/**
 * What the Team page offers this viewer, row by row: every control comes from `canPerform`, the
 * same decision the routes make again on submit.
 */
export function teamView(team: TeamListing, viewer: Actor, format: FormatContext = ENGLISH): TeamView {
  const allowed = (action: Action, target: Target = {}) => canPerform(viewer, action, target).allowed
  const members = team.members.map((member): MemberView => {
    const target = { userId: member.userId, role: member.role }
    return {
      id: member.id,
      name: member.name,
      email: member.email,
      role: member.role,
      joinedAt: member.joinedAt,
      joinedLabel: formatDate(member.joinedAt, format),
      lastActiveAt: member.lastActiveAt,
      lastActiveLabel: member.lastActiveAt ? formatDate(member.lastActiveAt, format, 'dateTime') : t('team.never', {}, format.locale),
      isYou: member.userId === viewer.userId,
      roleOptions: ROLES.filter((role) => role === member.role || allowed('team.change_role', { ...target, newRole: role })),
      removable: allowed('team.remove', target),
    }
  })
  const invitations = team.invitations.map(
    (invitation): InvitationView => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      invitedBy: invitation.invitedBy ? invitation.invitedBy.name || invitation.invitedBy.email : null,
      expiresLabel: formatDate(invitation.expiresAt, format, 'dateTime'),
      expired: invitation.expired,
      canResend: allowed('team.invite', { newRole: invitation.role }),
      canRevoke: allowed('team.revoke_invitation'),
    }),
  )
  const transferCandidates = allowed('team.transfer_ownership')
    ? team.members
        .filter((member) => allowed('team.transfer_ownership', { userId: member.userId }))
        .map((member) => ({ id: member.id, label: `${member.name || member.email} (${member.email})` }))
    : null
  return {
    members,
    invitations,
    grantable: ROLES.filter((role) => allowed('team.invite', { newRole: role })),
    transferCandidates,
    canChangeRoles: allowed('team.change_role'),
    canLeave: allowed('team.leave'),
  }
}
