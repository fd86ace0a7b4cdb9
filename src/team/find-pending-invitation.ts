import type { PayloadRequest } from 'payload'

import type { Invitation } from '../payload-types'
import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'

/**
 * A pending invitation of this organization by id, read under the team lock. Another
 * organization's id is "not found", like one that doesn't exist; an accepted or revoked one is a conflict.
 */
export async function findPendingInvitation(req: PayloadRequest, organizationId: number, invitationId: number): Promise<Invitation> {
  const { docs } = await req.payload.find({
    collection: 'invitations',
    where: { id: { equals: invitationId }, organization: { equals: organizationId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const invitation = docs[0]
  if (!invitation) throw new PortalError('not_found', t('team.error.invitationNotFound'))
  if (invitation.status !== 'pending') throw new PortalError('conflict', t(invitation.status === 'accepted' ? 'team.error.invitationAccepted' : 'team.error.invitationRevoked'))
  return invitation
}
