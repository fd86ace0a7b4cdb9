import type { Payload } from 'payload'

import { isRole, type Role } from '../access/roles'

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

const latest = (dates: Array<string | null | undefined>): string | null =>
  dates.reduce<string | null>((best, date) => (date && (!best || Date.parse(date) > Date.parse(best)) ? date : best), null)

/**
 * The organization's members and pending invitations. The caller has checked `team.read` for this
 * organization; everything here is scoped to it by id. Never returns token hashes (selected out).
 */
export async function listTeam(payload: Payload, organizationId: number, now = new Date()): Promise<TeamListing> {
  const organization = await payload.findByID({ collection: 'organizations', id: organizationId, depth: 0, select: { seatLimit: true }, overrideAccess: true })
  const { docs: memberships } = await payload.find({
    collection: 'memberships',
    where: { organization: { equals: organizationId } },
    depth: 0,
    pagination: false,
    sort: 'createdAt',
    overrideAccess: true,
  })
  const { docs: users } = await payload.find({
    collection: 'users',
    where: { id: { in: memberships.map((membership) => Number(membership.user)) } },
    depth: 0,
    pagination: false,
    // Sessions are hidden auth fields; their start times stand in for activity until a sign-in updates lastActiveAt.
    select: { name: true, email: true, lastActiveAt: true, sessions: true },
    showHiddenFields: true,
    overrideAccess: true,
  })
  const usersById = new Map(users.map((user) => [user.id, user]))
  const members = memberships.flatMap((membership): TeamMember[] => {
    const user = usersById.get(Number(membership.user))
    if (!user || !isRole(membership.role)) return []
    return [{
      id: membership.id,
      userId: user.id,
      name: user.name ?? null,
      email: user.email,
      role: membership.role,
      joinedAt: membership.createdAt,
      lastActiveAt: latest([user.lastActiveAt, ...(user.sessions ?? []).map((session) => session.createdAt)]),
    }]
  })

  const { docs: pending } = await payload.find({
    collection: 'invitations',
    where: { organization: { equals: organizationId }, status: { equals: 'pending' } },
    depth: 1,
    pagination: false,
    sort: '-createdAt',
    select: { email: true, role: true, invitedBy: true, createdAt: true, expiresAt: true, lastSentAt: true },
    populate: { users: { name: true, email: true } },
    overrideAccess: true,
  })
  const invitations = pending.flatMap((invitation): PendingInvitation[] => {
    if (!isRole(invitation.role)) return []
    const inviter = typeof invitation.invitedBy === 'object' && invitation.invitedBy ? invitation.invitedBy : null
    const expired = Date.parse(invitation.expiresAt) <= now.getTime()
    return [{
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      invitedBy: inviter ? { name: inviter.name ?? null, email: inviter.email } : null,
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
      lastSentAt: invitation.lastSentAt ?? null,
      expired,
    }]
  })
  const seatsUsed = members.length + invitations.filter((invitation) => !invitation.expired).length
  return { members, invitations, seatLimit: organization.seatLimit ?? null, seatsUsed }
}
