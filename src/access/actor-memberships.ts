import type { PayloadRequest } from 'payload'

import { isRole, type Role } from './roles'

export type ActorMembership = { organization: number; role: Role }

const CACHE_KEY = 'porticoActorMemberships'

export const isStaff = (req: PayloadRequest): boolean => req.user?.collection === 'staff'
export const isCustomer = (req: PayloadRequest): boolean => req.user?.collection === 'users'

/**
 * The calling customer's memberships, read once per request (access functions for several
 * collections ask for them). Uses `req` so it joins the request's transaction.
 */
export async function actorMemberships(req: PayloadRequest): Promise<ActorMembership[]> {
  if (!isCustomer(req) || !req.user) return []
  const cached = req.context[CACHE_KEY] as ActorMembership[] | undefined
  if (cached) return cached
  const { docs } = await req.payload.find({
    collection: 'memberships',
    where: { user: { equals: req.user.id } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const memberships = docs.flatMap((doc) =>
    isRole(doc.role) ? [{ organization: Number(doc.organization), role: doc.role }] : [],
  )
  req.context[CACHE_KEY] = memberships
  return memberships
}
