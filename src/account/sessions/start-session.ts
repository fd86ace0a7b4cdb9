import type { PayloadRequest } from 'payload'

import { actorFromRequest } from '../../audit/actor'
import type { AuthCollection } from '../two-factor/principal'
import { pruneSessionRecords, removeSessions, type SessionEntry } from './session-store'

type LoggedInUser = { id: number | string; sessions?: SessionEntry[] | null; twoFactorEnabledAt?: string | null }

/**
 * Called by the afterLogin hook of customers and staff, in the login's transaction. For someone
 * with two-factor on, the new session leaves Payload's sessions table and waits here, pending,
 * until verify-challenge puts it back: until then Payload refuses the token everywhere (REST,
 * GraphQL, the portal, /admin).
 */
export async function startSession(req: PayloadRequest, { user, sid, collection = 'users' }: { user: LoggedInUser; sid: string; collection?: AuthCollection }): Promise<void> {
  const userId = Number(user.id)
  const sessions = user.sessions ?? []
  const pending = Boolean(user.twoFactorEnabledAt)
  const store = { payload: req.payload, req, collection }
  if (pending) await removeSessions(store, userId, { sids: [sid] })
  await pruneSessionRecords(store, userId, sessions.map((session) => session.id))
  const { ip, userAgent } = actorFromRequest(req)
  await req.payload.create({
    collection: 'user-sessions',
    data: {
      ...(collection === 'staff' ? { staff: userId } : { user: userId }),
      sid,
      ip: ip ?? null,
      userAgent: userAgent?.slice(0, 500) ?? null,
      lastSeenAt: new Date().toISOString(),
      expiresAt: new Date(sessions.find((session) => session.id === sid)?.expiresAt ?? Date.now()).toISOString(),
      pendingSecondFactor: pending,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
