import type { Payload } from 'payload'

import { recordPortalChange } from '../audit/record-portal-change'
import { assertTeamAllowed } from './assert-team-allowed'
import { findPendingInvitation } from './find-pending-invitation'
import { actorMembership, type TeamActor } from './team-actor'
import { inTeamTransaction } from './team-transaction'

/** Revokes a pending invitation: its link stops working at once and its seat is free again. */
export async function revokeInvitation(payload: Payload, actor: TeamActor, input: { invitationId: number }, now = new Date()) {
  return inTeamTransaction(payload, actor.organizationId, async (req) => {
    const invitation = await findPendingInvitation(req, actor.organizationId, input.invitationId)
    assertTeamAllowed(actor.user.id, await actorMembership(req, actor), 'team.revoke_invitation')
    const revokedAt = now.toISOString()
    await recordPortalChange(
      req,
      {
        actor: actor.audit,
        organization: actor.organizationId,
        entity: { type: 'invitations', id: invitation.id },
        action: 'invitation.revoked',
        before: { email: invitation.email, role: invitation.role, status: 'pending' },
        event: { type: 'invitation.revoked', data: { changes: { invitation: [`${invitation.email} (${invitation.role})`, null] } } },
      },
      async (inner) => {
        await inner.payload.update({ collection: 'invitations', id: invitation.id, data: { status: 'revoked', revokedAt }, depth: 0, overrideAccess: true, req: inner })
        return { after: { status: 'revoked', revokedAt } }
      },
    )
    return { invitationId: invitation.id, status: 'revoked' as const }
  })
}
