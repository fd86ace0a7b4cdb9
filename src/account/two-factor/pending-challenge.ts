import { type JWTPayload, jwtVerify } from 'jose'
import type { Payload } from 'payload'
import { parseCookies } from 'payload/shared'

import { payloadTokenKey } from '../../auth/adapters/payload-token-key'
import { PENDING_SECOND_FACTOR_TTL_MS } from '../sessions/session-store'
import type { AuthCollection } from './principal'

export type PendingChallenge = { userId: number; collection: AuthCollection; sid: string; recordId: number }

/** Payload's token, from its cookie or an `Authorization: JWT …` header (REST clients). */
function readToken(payload: Payload, headers: Headers): string | null {
  const header = headers.get('authorization')?.match(/^JWT\s+(.+)$/)?.[1]
  if (header) return header
  return parseCookies(headers).get(`${payload.config.cookiePrefix}-token`) ?? null
}

/**
 * The sign-in that still owes a second factor: a genuine Payload token (signature checked) of
 * `collection` (customers at /sign-in, staff at /admin) whose session is recorded as pending and
 * is younger than the challenge window. Payload itself refuses this token everywhere, because its
 * session isn't in Payload's sessions table yet.
 */
export async function readPendingChallenge(payload: Payload, headers: Headers, collection: AuthCollection = 'users'): Promise<PendingChallenge | null> {
  const token = readToken(payload, headers)
  if (!token) return null
  let claims: JWTPayload & { id?: unknown; sid?: unknown; collection?: unknown }
  try {
    ;({ payload: claims } = await jwtVerify(token, await payloadTokenKey(payload)))
  } catch {
    return null
  }
  if (claims.collection !== collection || typeof claims.sid !== 'string' || !Number.isSafeInteger(Number(claims.id))) return null
  const { docs } = await payload.find({
    collection: 'user-sessions',
    where: {
      sid: { equals: claims.sid },
      [collection === 'staff' ? 'staff' : 'user']: { equals: Number(claims.id) },
      pendingSecondFactor: { equals: true },
      createdAt: { greater_than: new Date(Date.now() - PENDING_SECOND_FACTOR_TTL_MS).toISOString() },
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const record = docs[0]
  return record ? { userId: Number(claims.id), collection, sid: claims.sid, recordId: record.id } : null
}
