import type { AuditActor } from '../audit/actor'
import { requestDetails } from '../audit/actor'
import type { PortalSession } from '../auth/portal-session'

/** The signed-in customer acting on their own account, with the request's IP, agent and id. */
export const accountActor = (session: PortalSession, request: Request, requestId: string): AuditActor => ({
  kind: 'customer',
  user: { ...session.user, collection: 'users' },
  ...requestDetails(request, requestId),
})

/** The Payload session id of this request (set by Payload's JWT strategy); null with product-jwt. */
export const currentSessionId = (session: PortalSession): string | null => {
  const sid = (session.user as { _sid?: unknown })._sid
  return typeof sid === 'string' ? sid : null
}
