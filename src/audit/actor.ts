import type { PayloadRequest } from 'payload'

import type { ActorKind } from '../collections/PortalAudit'

/** Who made a change and from where. `user` is a customer (kind customer) or staff member (kind staff). */
export type AuditActor = {
  kind: ActorKind
  user?: { id: number; email?: string | null; collection?: string } | null
  /** Shown when there is no user (the Stripe webhook, a seed, a migration). */
  label?: string
  ip?: string | null
  userAgent?: string | null
  requestId?: string | null
}

/** The actor behind a Payload request: staff in /admin, a customer through REST/GraphQL, or the system. */
export function actorFromRequest(req: PayloadRequest): AuditActor {
  const request = clientDetails(req.headers, req.headers?.get('x-request-id') ?? null)
  const user = req.user
  if (user?.collection === 'staff') return { kind: 'staff', user, ...request }
  if (user?.collection === 'users') return { kind: 'customer', user, ...request }
  return { kind: 'system', label: 'system', ...request }
}

/** A signed-in customer acting through a portal route. */
export const customerActor = (user: NonNullable<AuditActor['user']>, request: Request, requestId: string): AuditActor => ({
  kind: 'customer',
  user,
  ...requestDetails(request, requestId),
})

/** The request details of a Next route handler's request, for actors built by portal routes. */
export function requestDetails(request: Request, requestId: string): Pick<AuditActor, 'ip' | 'userAgent' | 'requestId'> {
  return clientDetails(request.headers, requestId)
}

/** The first hop of x-forwarded-for is the client as the proxy saw it. */
function clientDetails(headers: Headers | undefined, requestId: string | null): Pick<AuditActor, 'ip' | 'userAgent' | 'requestId'> {
  return {
    ip: headers?.get('x-forwarded-for')?.split(',')[0]?.trim() || headers?.get('x-real-ip') || null,
    userAgent: headers?.get('user-agent') ?? null,
    requestId,
  }
}

export const actorLabel = (actor: AuditActor): string => actor.user?.email ?? actor.label ?? actor.kind
