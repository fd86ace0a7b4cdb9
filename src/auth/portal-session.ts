import { createLocalReq, type Payload } from 'payload'
import { parseCookies } from 'payload/shared'

import { isRole, type Role } from '../access/roles'
import type { Organization } from '../payload-types'
import { payloadSessionAdapter } from './adapters/payload-adapter'
import { createProductJwtAdapter, productJwtOptionsFromEnv } from './adapters/product-jwt-adapter'
import type { PortalUser, SessionAdapter } from './adapters/types'

export type { PortalUser } from './adapters/types'

export const ORGANIZATION_COOKIE = 'portico-org'

/** The Set-Cookie value that makes `organizationId` the one later requests act on (a preference, re-checked each time). */
export const organizationCookie = (organizationId: number): string =>
  `${ORGANIZATION_COOKIE}=${organizationId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${60 * 60 * 24 * 365}`

export type OrganizationChoice = { id: number; name: string; role: Role }

export type PortalSession = {
  user: PortalUser
  adapter: SessionAdapter['name']
  organizations: OrganizationChoice[]
  /** The organization this request acts on; null for a user who belongs to none yet. */
  organization: OrganizationChoice | null
}

export function sessionAdapterFromEnv(env: NodeJS.ProcessEnv = process.env): SessionAdapter {
  return env.PORTAL_AUTH_ADAPTER === 'product-jwt' ? createProductJwtAdapter(productJwtOptionsFromEnv(env)) : payloadSessionAdapter
}

async function organizationsOf(payload: Payload, user: PortalUser): Promise<OrganizationChoice[]> {
  // One request object for the read and its population, so the access functions share their
  // per-request membership lookup instead of repeating it.
  const req = await createLocalReq({ user }, payload)
  const { docs } = await payload.find({
    collection: 'memberships',
    where: { user: { equals: user.id } },
    depth: 1,
    pagination: false,
    sort: 'createdAt',
    req,
    overrideAccess: false,
    // Someone in no organization (removed from or left their last one) reads none, not a 403.
    disableErrors: true,
  })
  return docs.flatMap((membership) => {
    const organization = membership.organization as Organization | number
    if (typeof organization !== 'object' || !isRole(membership.role)) return []
    return [{ id: organization.id, name: organization.name, role: membership.role }]
  })
}

/**
 * Who is calling and for which organization. The organization cookie is only a preference: it is
 * honoured only when the user is a member there, so switching can never widen access.
 */
export async function resolvePortalSession(
  payload: Payload,
  headers: Headers,
  adapter: SessionAdapter = sessionAdapterFromEnv(),
): Promise<PortalSession | null> {
  const user = await adapter.authenticate({ payload, headers })
  if (!user) return null
  const organizations = await organizationsOf(payload, user)
  const preferred = Number(parseCookies(headers).get(ORGANIZATION_COOKIE))
  const organization = organizations.find((choice) => choice.id === preferred) ?? organizations[0] ?? null
  return { user, adapter: adapter.name, organizations, organization }
}
