import type { Payload } from 'payload'
import { parseCookies } from 'payload/shared'

import { isRole, type Role } from '../access/roles'
import type { PortalFlags } from '../flags/is-screen-enabled'
import { portalFlagsAtVersion } from '../flags/portal-flags-at-version'
import { serverTiming, type ServerTiming } from '../lib/server-timing'
import { payloadSessionAdapter } from './adapters/payload-adapter'
import { verifyPayloadToken } from './adapters/payload-token'
import { createProductJwtAdapter, productJwtOptionsFromEnv } from './adapters/product-jwt-adapter'
import type { PortalUser, SessionAdapter } from './adapters/types'
import { canReadUserInSessionStatement, readSessionContext, type SessionContextRow } from './session-context-query'

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
  /** The rollout flags in force for this request (read with the session; cached while they don't change). */
  flags: PortalFlags
  /** One of the user's organizations requires two-factor and the user hasn't set it up (what needsTwoFactorEnrolment answers). */
  twoFactorEnrolmentNeeded: boolean
  /** The organization's usage version as of this request's session statement (null without an organization). */
  usageVersion: string | null
}

export function sessionAdapterFromEnv(env: NodeJS.ProcessEnv = process.env): SessionAdapter {
  return env.PORTAL_AUTH_ADAPTER === 'product-jwt' ? createProductJwtAdapter(productJwtOptionsFromEnv(env)) : payloadSessionAdapter
}

/**
 * Whether the session statement can stand in for Payload's auth strategy: Payload's JWT strategy
 * is the only one, nothing signs people in automatically, and the users row reads as plain columns.
 * Otherwise the adapter runs Payload's strategy and the statement reads memberships and flags only.
 */
function statementCanAuthenticate(payload: Payload): boolean {
  const auth = payload.collections.users?.config.auth
  const autoLogin = payload.config.admin?.autoLogin
  return (
    payload.authStrategies.length === 1 &&
    payload.authStrategies[0]?.name === 'local-jwt' &&
    (!autoLogin || (typeof autoLogin === 'object' && autoLogin.prefillOnly === true)) &&
    Boolean(auth?.useSessions) &&
    !auth?.verify &&
    !auth?.disableLocalStrategy &&
    canReadUserInSessionStatement(payload)
  )
}

type SignedIn = { user: PortalUser; context: SessionContextRow }

/**
 * A Payload token is checked here and the rest is one statement: the session still listed (a
 * revocation deletes it, on any instance), the user, memberships, flags version, the touch.
 * It answers as Payload's JWT strategy would (tests/integration/portal-session-fast-path.int.test.ts).
 */
async function signIn(payload: Payload, headers: Headers, adapter: SessionAdapter): Promise<SignedIn | null> {
  if (adapter.name === 'payload' && statementCanAuthenticate(payload)) {
    const reference = await verifyPayloadToken(payload, headers)
    // Staff tokens are not portal sessions; a token without a session id is refused, as Payload does.
    if (!reference || reference.collection !== 'users' || !reference.sid) return null
    const userId = Number(reference.id)
    if (!Number.isSafeInteger(userId) || userId <= 0) return null
    const context = await readSessionContext(payload, userId, reference.sid)
    if (!context.user || !context.sessionValid) return null
    return { user: { ...context.user, collection: 'users', _sid: reference.sid, _strategy: 'local-jwt' } as PortalUser, context }
  }
  const user = await adapter.authenticate({ payload, headers })
  if (!user) return null
  return { user, context: await readSessionContext(payload, user.id, null) }
}

/**
 * Who is calling and for which organization, with the flags in force: one statement, plus a read
 * of the flags when they changed since this process last read them. The organization cookie is
 * only a preference: it is honoured only when the user is a member there, so switching can
 * never widen access.
 */
export async function resolvePortalSession(
  payload: Payload,
  headers: Headers,
  adapter: SessionAdapter = sessionAdapterFromEnv(),
  timing: ServerTiming = serverTiming(),
): Promise<PortalSession | null> {
  const signedIn = await timing.measure('session', () => signIn(payload, headers, adapter))
  if (!signedIn) return null
  const { user, context } = signedIn
  const { organizations, organization, twoFactorEnrolmentNeeded, usageVersion } = await timing.measure('organization', () => {
    const known = context.memberships.filter((membership) => isRole(membership.role))
    const choices = known.map(({ id, name, role }) => ({ id, name, role: role as Role }))
    const preferred = Number(parseCookies(headers).get(ORGANIZATION_COOKIE))
    const chosen = choices.find((choice) => choice.id === preferred) ?? choices[0] ?? null
    return {
      organizations: choices,
      organization: chosen,
      twoFactorEnrolmentNeeded: !user.twoFactorEnabledAt && known.some((membership) => membership.requireTwoFactor === true),
      usageVersion: known.find((membership) => membership.id === chosen?.id)?.usageVersion ?? null,
    }
  })
  const flags = await timing.measure('flags', () => portalFlagsAtVersion(payload, context.flagsVersion))
  return { user, adapter: adapter.name, organizations, organization, flags, twoFactorEnrolmentNeeded, usageVersion }
}
