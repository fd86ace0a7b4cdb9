import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { isRole, type Role } from '../access/roles'
import { requestDb } from '../lib/transaction-db'

export type TeamMember = {
  /** The membership id: what PATCH/DELETE /api/team/members take as `memberId`. */
  id: number
  userId: number
  name: string | null
  email: string
  role: Role
  joinedAt: string
  lastActiveAt: string | null
}

export type PendingInvitation = {
  id: number
  email: string
  role: Role
  invitedBy: { name: string | null; email: string } | null
  createdAt: string
  expiresAt: string
  lastSentAt: string | null
  expired: boolean
}

export type TeamListing = { members: TeamMember[]; invitations: PendingInvitation[]; seatLimit: number | null; seatsUsed: number }

type MemberRow = { id: number; user_id: number; name: string | null; email: string; role: string; created_at: string; last_active_at: string | null }
type InvitationRow = { id: number; email: string; role: string; created_at: string; expires_at: string; last_sent_at: string | null; inviter_name: string | null; inviter_email: string | null }
type Row = { seat_limit: string | null; members: MemberRow[]; invitations: InvitationRow[] }

const iso = (value: string) => new Date(value).toISOString()
const isoOrNull = (value: string | null) => (value ? iso(value) : null)

/**
 * The organization's members and pending invitations. The caller has checked `team.read` for this
 * organization; everything here is scoped to it by id. Never reads token hashes. One statement (the
 * Local API took four document reads, each a query build and a document build, on every team view):
 * a member's last activity is their last sign-in or their newest session's start, whichever is later.
 */
export async function listTeam(payload: Payload, organizationId: number, now = new Date()): Promise<TeamListing> {
  const { rows } = await (await requestDb(payload, undefined)).execute(sql`
    SELECT o.seat_limit,
      (SELECT coalesce(json_agg(m ORDER BY m.created_at, m.id), '[]') FROM (
         SELECT m.id, m.user_id, m.role, m.created_at, u.name, u.email,
                greatest(u.last_active_at, (SELECT max(s.created_at) FROM users_sessions s WHERE s._parent_id = u.id)) AS last_active_at
           FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = o.id) m) AS members,
      (SELECT coalesce(json_agg(i ORDER BY i.created_at DESC, i.id DESC), '[]') FROM (
         SELECT i.id, i.email, i.role, i.created_at, i.expires_at, i.last_sent_at, u.name AS inviter_name, u.email AS inviter_email
           FROM invitations i LEFT JOIN users u ON u.id = i.invited_by_id WHERE i.organization_id = o.id AND i.status = 'pending') i) AS invitations
    FROM organizations o WHERE o.id = ${organizationId}`)
  const row = rows[0] as Row | undefined
  const members = (row?.members ?? []).flatMap((member): TeamMember[] =>
    isRole(member.role)
      ? [{ id: member.id, userId: member.user_id, name: member.name, email: member.email, role: member.role, joinedAt: iso(member.created_at), lastActiveAt: isoOrNull(member.last_active_at) }]
      : [],
  )
  const invitations = (row?.invitations ?? []).flatMap((invitation): PendingInvitation[] =>
    isRole(invitation.role)
      ? [{
          id: invitation.id,
          email: invitation.email,
          role: invitation.role,
          invitedBy: invitation.inviter_email ? { name: invitation.inviter_name, email: invitation.inviter_email } : null,
          createdAt: iso(invitation.created_at),
          expiresAt: iso(invitation.expires_at),
          lastSentAt: isoOrNull(invitation.last_sent_at),
          expired: Date.parse(invitation.expires_at) <= now.getTime(),
        }]
      : [],
  )
  const seatsUsed = members.length + invitations.filter((invitation) => !invitation.expired).length
  return { members, invitations, seatLimit: row?.seat_limit == null ? null : Number(row.seat_limit), seatsUsed }
}
