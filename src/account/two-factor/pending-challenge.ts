import { type JWTPayload, jwtVerify } from 'jose'
import type { Payload } from 'payload'
import { parseCookies } from 'payload/shared'

import { PENDING_SECOND_FACTOR_TTL_MS } from '../sessions/session-store'

export type PendingChallenge = { userId: number; sid: string; recordId: number }

/** Payload's token, from its cookie or an `Authorization: JWT …` header (REST clients). */
function readToken(payload: Payload, headers: Headers): string | null {
  const header = headers.get('authorization')?.match(/^JWT\s+(.+)$/)?.[1]
  if (header) return header
  return parseCookies(headers).get(`${payload.config.cookiePrefix}-token`) ?? null
}

/**
 * The sign-in that still owes a second factor: a genuine Payload token (signature checked) whose
 * session is recorded as pending and is younger than the challenge window. Payload itself refuses
 * this token everywhere, because its session isn't in `users.sessions` yet.
 */
export async function readPendingChallenge(payload: Payload, headers: Headers): Promise<PendingChallenge | null> {
  const token = readToken(payload, headers)
  if (!token) return null
  let claims: JWTPayload & { id?: unknown; sid?: unknown; collection?: unknown }
  try {
    ;({ payload: claims } = await jwtVerify(token, new TextEncoder().encode(payload.secret)))
  } catch {
    return null
  }
  if (claims.collection !== 'users' || typeof claims.sid !== 'string') return null
  const { docs } = await payload.find({
    collection: 'user-sessions',
    where: {
      sid: { equals: claims.sid },
      user: { equals: Number(claims.id) },
      pendingSecondFactor: { equals: true },
      createdAt: { greater_than: new Date(Date.now() - PENDING_SECOND_FACTOR_TTL_MS).toISOString() },
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const record = docs[0]
  return record ? { userId: Number(claims.id), sid: claims.sid, recordId: record.id } : null
}
