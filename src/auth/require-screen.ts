import { headers } from 'next/headers'
import { forbidden, notFound, redirect } from 'next/navigation'
import { cache } from 'react'

import { portalScope, type ScreenId } from '../../scope.config'
import { canPerform } from '../access/can-perform'
import { isScreenEnabled } from '../flags/is-screen-enabled'
import { loadPortalFlags } from '../flags/load-portal-flags'
import { payloadInstance } from '../lib/payload'
import { getPortalSession } from './get-portal-session'
import type { PortalSession } from './portal-session'
import { signInUrl } from './safe-next-path'

/** The path the visitor asked for, set by src/proxy.ts. */
export async function requestedPath(): Promise<string> {
  return (await headers()).get('x-portico-path') ?? '/account'
}

/** Where a member of an organization that requires two-factor sets it up; the one page open to them until then. */
export const TWO_FACTOR_ENROL_PATH = '/account/two-factor'

/**
 * A signed-in session, or a redirect to sign-in that brings the visitor back here. A member whose
 * organization requires two-factor and who hasn't set it up is sent to set it up first.
 */
export async function requireSession(): Promise<PortalSession> {
  const session = await getPortalSession()
  const path = await requestedPath()
  if (!session) redirect(signInUrl(path))
  if (path.split('?')[0] !== TWO_FACTOR_ENROL_PATH && mustEnrolTwoFactor(session)) redirect(TWO_FACTOR_ENROL_PATH)
  return session
}

// With product-jwt the product signs people in, so its own two-factor is what counts.
const mustEnrolTwoFactor = (session: PortalSession) => session.adapter === 'payload' && session.twoFactorEnrolmentNeeded

/** The flags the session was resolved with (one version per request); read afresh only without a session. */
export const getPortalFlags = cache(async () => (await getPortalSession())?.flags ?? loadPortalFlags(await payloadInstance()))

/** `allowed` is false only for someone in no organization yet: every other refusal is a 404 or 403 thrown here. */
export type ScreenAccess = { session: PortalSession; allowed: boolean }

/**
 * The guard every account page starts with. Layouts and pages render in parallel in Next, so
 * each page checks for itself: signed in, screen rolled out to this organization (else 404),
 * and the role allowed to open it (else 403, with account/forbidden.tsx saying why inside the shell).
 * Someone in no organization yet gets the page, which says how to join one.
 */
export async function requireScreen(screenId: ScreenId): Promise<ScreenAccess> {
  const session = await requireSession()
  const screen = portalScope.screens.find((candidate) => candidate.id === screenId)
  const organization = session.organization
  if (!screen) notFound()
  if (!organization) return { session, allowed: false }
  if (!isScreenEnabled(await getPortalFlags(), screen.id, organization.id)) notFound()
  if (!canPerform({ userId: session.user.id, role: organization.role }, screen.requires).allowed) forbidden()
  return { session, allowed: true }
}
