import type { PortalUser } from '../../auth/portal-session'

/** The Payload session id of this request (set by Payload's JWT strategy); null with product-jwt. */
export const currentSessionId = (user: PortalUser): string | null => {
  const sid = (user as { _sid?: unknown })._sid
  return typeof sid === 'string' ? sid : null
}
