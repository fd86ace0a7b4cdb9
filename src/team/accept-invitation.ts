import type { Payload } from 'payload'

import type { AuditActor } from '../audit/actor'
import { recordPortalChange } from '../audit/record-portal-change'
import type { User } from '../payload-types'
import { findInvitationByToken, type InvitationState } from './find-invitation-by-token'
import { inTeamTransaction } from './team-transaction'

export const MIN_PASSWORD_LENGTH = 10

export type AcceptFailure = Exclude<InvitationState, 'valid'> | 'wrong_account' | 'account_exists' | 'sign_in_needed' | 'already_member'

export type AcceptOutcome =
  | { ok: true; user: User; organizationId: number; membershipId: number; createdAccount: boolean }
  | { ok: false; reason: AcceptFailure }

export type AcceptInput = {
  token: string
  /** The signed-in person, if any: they must be the invited address. */
  user: User | null
  /** For someone signed out: the account to create for the invited address (validated by the caller). */
  newAccount?: { name: string; password: string }
  request: Pick<AuditActor, 'ip' | 'userAgent' | 'requestId'>
}

/**
 * Turns a valid invitation into a membership, once. Runs under the organization's team lock and
 * re-reads the invitation there, so a double submit or two tabs can't create two memberships: the
 * second finds it accepted. A new account, the membership and the invitation's "accepted" commit together.
 */
export async function acceptInvitation(payload: Payload, input: AcceptInput, now = new Date()): Promise<AcceptOutcome> {
  const first = await findInvitationByToken(payload, input.token, { now })
  if (first.state === 'unknown') return { ok: false, reason: 'unknown' }
  const organizationId = first.organization.id

  return inTeamTransaction(payload, organizationId, async (req): Promise<AcceptOutcome> => {
    const lookup = await findInvitationByToken(payload, input.token, { now, req })
    if (lookup.state !== 'valid') return { ok: false, reason: lookup.state }
    const { invitation } = lookup
    const request = input.request

    let user = input.user
    let createdAccount = false
    if (user) {
      if (user.email.toLowerCase() !== invitation.email) return { ok: false, reason: 'wrong_account' }
    } else {
      if (!input.newAccount) return { ok: false, reason: 'sign_in_needed' }
      const existing = await req.payload.count({ collection: 'users', where: { email: { equals: invitation.email } }, overrideAccess: true, req })
      if (existing.totalDocs > 0) return { ok: false, reason: 'account_exists' }
      const account = input.newAccount
      const { entityId } = await recordPortalChange(
        req,
        { actor: { kind: 'customer', label: invitation.email, ...request }, organization: organizationId, entity: { type: 'users' }, action: 'account.created' },
        async (inner) => {
          const created = await inner.payload.create({
            collection: 'users',
            data: { email: invitation.email, name: account.name, password: account.password },
            depth: 0,
            overrideAccess: true,
            req: inner,
          })
          return { entityId: created.id, after: { email: created.email, name: created.name, via: `invitation ${invitation.id}` } }
        },
      )
      user = await req.payload.findByID({ collection: 'users', id: Number(entityId), depth: 0, overrideAccess: true, req })
      createdAccount = true
    }

    const joiner = user
    const already = await req.payload.count({ collection: 'memberships', where: { user: { equals: joiner.id }, organization: { equals: organizationId } }, overrideAccess: true, req })
    if (already.totalDocs > 0) return { ok: false, reason: 'already_member' }

    const { entityId } = await recordPortalChange(
      req,
      {
        actor: { kind: 'customer', user: { id: joiner.id, email: joiner.email, collection: 'users' }, ...request },
        organization: organizationId,
        entity: { type: 'memberships' },
        action: 'member.joined',
        event: { type: 'member.joined', data: { subjectUserId: joiner.id, changes: { role: [null, invitation.role] } } },
      },
      async (inner) => {
        const membership = await inner.payload.create({
          collection: 'memberships',
          data: { user: joiner.id, organization: organizationId, role: invitation.role },
          depth: 0,
          overrideAccess: true,
          req: inner,
        })
        const acceptedAt = now.toISOString()
        await inner.payload.update({ collection: 'invitations', id: invitation.id, data: { status: 'accepted', acceptedBy: joiner.id, acceptedAt }, depth: 0, overrideAccess: true, req: inner })
        return { entityId: membership.id, after: { user: joiner.id, role: invitation.role, invitation: invitation.id } }
      },
    )
    return { ok: true, user: joiner, organizationId, membershipId: Number(entityId), createdAccount }
  })
}
