import type { Payload, PayloadRequest } from 'payload'

import { isRole, type Role } from '../access/roles'
import { hashSingleUseToken, looksLikeSingleUseToken } from '../lib/single-use-token'
import type { Invitation } from '../payload-types'

export type InvitationState = 'valid' | 'expired' | 'revoked' | 'accepted' | 'unknown'

export type InvitationLookup =
  | { state: 'unknown' }
  | {
      state: Exclude<InvitationState, 'unknown'>
      invitation: Pick<Invitation, 'id' | 'email' | 'expiresAt'> & { role: Role }
      organization: { id: number; name: string }
      inviterName: string | null
    }

const stateOf = (invitation: Invitation, now: Date): Exclude<InvitationState, 'unknown'> => {
  if (invitation.status !== 'pending') return invitation.status
  return Date.parse(invitation.expiresAt) <= now.getTime() ? 'expired' : 'valid'
}

/**
 * What an invitation link leads to, for the accept page and the accept flow: looked up by the
 * token's hash only. Pass the transaction's `req` to read it under the team lock.
 */
export async function findInvitationByToken(payload: Payload, token: string, { now = new Date(), req }: { now?: Date; req?: PayloadRequest } = {}): Promise<InvitationLookup> {
  if (!looksLikeSingleUseToken(token)) return { state: 'unknown' }
  const { docs } = await payload.find({
    collection: 'invitations',
    where: { tokenHash: { equals: hashSingleUseToken(token) } },
    limit: 1,
    depth: 1,
    populate: { organizations: { name: true }, users: { name: true, email: true } },
    overrideAccess: true,
    req,
  })
  const invitation = docs[0]
  if (!invitation || typeof invitation.organization !== 'object' || !isRole(invitation.role)) return { state: 'unknown' }
  const inviter = typeof invitation.invitedBy === 'object' ? invitation.invitedBy : null
  return {
    state: stateOf(invitation, now),
    invitation: { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt, role: invitation.role },
    organization: { id: invitation.organization.id, name: invitation.organization.name },
    inviterName: inviter ? inviter.name || inviter.email : null,
  }
}
