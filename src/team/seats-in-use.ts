import type { PayloadRequest } from 'payload'

/** Seats an organization is using: its members plus invitations that could still be accepted. */
export async function seatsInUse(req: PayloadRequest, organizationId: number, now: Date): Promise<number> {
  const members = await req.payload.count({ collection: 'memberships', where: { organization: { equals: organizationId } }, overrideAccess: true, req })
  const invitations = await req.payload.count({
    collection: 'invitations',
    where: { organization: { equals: organizationId }, status: { equals: 'pending' }, expiresAt: { greater_than: now.toISOString() } },
    overrideAccess: true,
    req,
  })
  return members.totalDocs + invitations.totalDocs
}
