import type { Payload } from 'payload'

import type { Role } from '../access/roles'
import { recordPortalChange } from '../audit/record-portal-change'
import { hashSingleUseToken, newSingleUseToken } from '../lib/single-use-token'
import { queueEmail } from '../notifications/email/queue-email'
import { assertTeamAllowed } from './assert-team-allowed'
import { findPendingInvitation } from './find-pending-invitation'
import { invitationEmail } from './invitation-email'
import { invitationRecipient } from './invitation-recipient'
import { invitationExpiresAt } from './invitation-expires-at'
import { actorMembership, type TeamActor } from './team-actor'
import { inTeamTransaction } from './team-transaction'

/**
 * Sends a pending invitation again with a fresh link and a fresh expiry. Only the hash of the old
 * token was kept, so the old link can't be re-sent — it stops working, which is also what someone
 * who resends after a mis-typed forward wants.
 */
export async function resendInvitation(
  payload: Payload,
  actor: TeamActor,
  input: { invitationId: number },
  now = new Date(),
): Promise<{ id: number; email: string; role: Role; expiresAt: string }> {
  const token = newSingleUseToken()
  const expiresAt = invitationExpiresAt(now).toISOString()
  const sentAt = now.toISOString()
  const invitation = await inTeamTransaction(payload, actor.organizationId, async (req) => {
    const invitation = await findPendingInvitation(req, actor.organizationId, input.invitationId)
    assertTeamAllowed(actor.user.id, await actorMembership(req, actor), 'team.invite', { newRole: invitation.role })
    const organization = await req.payload.findByID({ collection: 'organizations', id: actor.organizationId, depth: 0, overrideAccess: true, req })
    await recordPortalChange(
      req,
      {
        actor: actor.audit,
        organization: actor.organizationId,
        entity: { type: 'invitations', id: invitation.id },
        action: 'invitation.resent',
        before: { expiresAt: invitation.expiresAt, lastSentAt: invitation.lastSentAt },
      },
      async (inner) => {
        await inner.payload.update({
          collection: 'invitations',
          id: invitation.id,
          data: { tokenHash: hashSingleUseToken(token), expiresAt, lastSentAt: sentAt },
          depth: 0,
          overrideAccess: true,
          req: inner,
        })
        return { after: { expiresAt, lastSentAt: sentAt } }
      },
    )
    await queueEmail(
      req,
      invitationEmail({ invitationId: invitation.id, email: invitation.email, role: invitation.role, token, expiresAt, sentAt, organizationName: organization.name, inviterName: actor.user.name || actor.user.email, recipient: await invitationRecipient(req, invitation.email) }),
    )
    return invitation
  })
  return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt }
}
