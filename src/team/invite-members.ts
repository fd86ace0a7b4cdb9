import type { Payload } from 'payload'

import type { Role } from '../access/roles'
import { recordPortalChange } from '../audit/record-portal-change'
import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'
import { queueEmail } from '../notifications/email/queue-email'
import { hashSingleUseToken, newSingleUseToken } from '../lib/single-use-token'
import { assertTeamAllowed } from './assert-team-allowed'
import { invitationEmail } from './invitation-email'
import { invitationRecipient } from './invitation-recipient'
import { invitationExpiresAt } from './invitation-expires-at'
import { parseEmailList } from './parse-email-list'
import { seatsInUse } from './seats-in-use'
import { actorMembership, type TeamActor } from './team-actor'
import { inTeamTransaction } from './team-transaction'

export const MAX_INVITATIONS_PER_REQUEST = 50

export type SentInvitation = { id: number; email: string; role: Role; expiresAt: string }

const invalid = (message: string) => new PortalError('invalid_request', t('api.error.invalid'), { emails: message })

/**
 * Invites one or many addresses with one role. All or nothing: a bad address, someone already a
 * member or already invited, or going over the plan's seats, and nothing is written. Checked under
 * the team lock, so two admins inviting at once can't both take the last seat or invite one
 * address twice. Each email is queued (sealed) in the same transaction: sent by a job if and only if
 * the invitation commits, whatever happens to this process afterwards.
 */
export async function inviteMembers(payload: Payload, actor: TeamActor, input: { emails: readonly string[]; role: Role }, now = new Date()): Promise<SentInvitation[]> {
  const { emails, invalid: notEmails } = parseEmailList(input.emails)
  if (notEmails.length > 0) throw invalid(t('team.error.notEmails', { list: notEmails.join(', ') }))
  if (emails.length === 0) throw invalid(t('team.error.noEmails'))
  if (emails.length > MAX_INVITATIONS_PER_REQUEST) throw invalid(t('team.error.tooManyEmails', { max: MAX_INVITATIONS_PER_REQUEST }))

  const inviterName = actor.user.name || actor.user.email
  return inTeamTransaction(payload, actor.organizationId, async (req) => {
    assertTeamAllowed(actor.user.id, await actorMembership(req, actor), 'team.invite', { newRole: input.role })
    const organization = await req.payload.findByID({ collection: 'organizations', id: actor.organizationId, depth: 0, overrideAccess: true, req })

    const { docs: existingUsers } = await req.payload.find({ collection: 'users', where: { email: { in: emails } }, depth: 0, pagination: false, overrideAccess: true, req })
    const { docs: memberships } = existingUsers.length
      ? await req.payload.find({
          collection: 'memberships',
          where: { organization: { equals: actor.organizationId }, user: { in: existingUsers.map((user) => user.id) } },
          depth: 0,
          pagination: false,
          overrideAccess: true,
          req,
        })
      : { docs: [] }
    const memberIds = new Set(memberships.map((membership) => Number(membership.user)))
    const alreadyMembers = existingUsers.filter((user) => memberIds.has(user.id)).map((user) => user.email)
    if (alreadyMembers.length > 0) throw invalid(t('team.error.alreadyMembers', { list: alreadyMembers.join(', ') }))

    // Expired ones count too: the answer to those is "resend", which gives the same row a fresh link.
    const { docs: pending } = await req.payload.find({
      collection: 'invitations',
      where: { organization: { equals: actor.organizationId }, status: { equals: 'pending' }, email: { in: emails } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    if (pending.length > 0) throw invalid(t('team.error.alreadyInvited', { list: pending.map((invitation) => invitation.email).join(', ') }))

    if (organization.seatLimit) {
      const used = await seatsInUse(req, actor.organizationId, now)
      if (used + emails.length > organization.seatLimit) {
        throw invalid(t('team.error.seatLimit', { limit: organization.seatLimit, used, free: Math.max(0, organization.seatLimit - used) }))
      }
    }

    const expiresAt = invitationExpiresAt(now).toISOString()
    const sentAt = now.toISOString()
    const invitations: SentInvitation[] = []
    for (const email of emails) {
      const token = newSingleUseToken()
      const { entityId } = await recordPortalChange(
        req,
        {
          actor: actor.audit,
          organization: actor.organizationId,
          entity: { type: 'invitations' },
          action: 'member.invited',
          event: { type: 'member.invited', data: { changes: { invitation: [null, `${email} (${input.role})`] } } },
        },
        async (inner) => {
          const invitation = await inner.payload.create({
            collection: 'invitations',
            data: { organization: actor.organizationId, email, role: input.role, tokenHash: hashSingleUseToken(token), expiresAt, invitedBy: actor.user.id, status: 'pending', lastSentAt: sentAt },
            depth: 0,
            overrideAccess: true,
            req: inner,
          })
          return { entityId: invitation.id, after: { email, role: input.role, expiresAt } }
        },
      )
      const invitationId = Number(entityId)
      await queueEmail(req, invitationEmail({ invitationId, email, role: input.role, token, expiresAt, sentAt, organizationName: organization.name, inviterName, recipient: await invitationRecipient(req, email) }))
      invitations.push({ id: invitationId, email, role: input.role, expiresAt })
    }
    return invitations
  })
}
