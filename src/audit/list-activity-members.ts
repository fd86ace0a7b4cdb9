import type { Payload } from 'payload'

import type { PortalUser } from '../auth/portal-session'
import type { User } from '../payload-types'

/** The organization's members, for the timeline's "who" filter, read as the customer (scoped by access). */
export async function listActivityMembers(payload: Payload, user: PortalUser, organizationId: number): Promise<Pick<User, 'id' | 'name' | 'email'>[]> {
  const { docs } = await payload.find({
    collection: 'memberships',
    where: { organization: { equals: organizationId } },
    depth: 1,
    pagination: false,
    user,
    overrideAccess: false,
  })
  return docs.flatMap((membership) => (typeof membership.user === 'object' && membership.user ? [{ id: membership.user.id, name: membership.user.name, email: membership.user.email }] : []))
}
