import type { PayloadRequest } from 'payload'

import { isRole, type Role } from './roles'

export type ActorMembership = { organization: number; role: Role }

const CACHE_KEY = 'porticoActorMemberships'

export const isStaff = (req: PayloadRequest): boolean => req.user?.collection === 'staff'
export const isCustomer = (req: PayloadRequest): boolean => req.user?.collection === 'users'

// Keyed by the user object a page's session handed out, so it lives exactly as long as that request.
const readWithSession = new WeakMap<object, ActorMembership[]>()

/**
 * For pages only: the memberships the session statement just read for `user`, so the access
 * functions of the page's Local API reads don't read them again. Pages don't write; a route that
 * changes memberships and reads afterwards must see the change, so routes don't call this.
 */
export function rememberSessionMemberships(user: object, memberships: ActorMembership[]): void {
  readWithSession.set(user, memberships)
}

/**
 * The calling customer's memberships, read once per request (access functions for several
 * collections ask for them). Uses `req` so it joins the request's transaction.
 */
export async function actorMemberships(req: PayloadRequest): Promise<ActorMembership[]> {
  if (!isCustomer(req) || !req.user) return []
  const cached = (req.context[CACHE_KEY] as ActorMembership[] | undefined) ?? readWithSession.get(req.user)
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
