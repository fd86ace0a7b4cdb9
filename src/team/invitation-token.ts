import { createHash, randomBytes } from 'node:crypto'

/** A fresh invitation token: 32 random bytes, base64url. Only its hash is ever stored. */
export const generateInvitationToken = (): string => randomBytes(32).toString('base64url')

/**
 * sha256 is enough here (no salt, no slow hash): the token is 256 random bits, so there is nothing
 * to brute-force, and an unsalted hash can be looked up directly.
 */
export const hashInvitationToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Tokens we hand out are exactly 43 base64url characters; anything else is not worth a query. */
export const looksLikeInvitationToken = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value)

const DEFAULT_TTL_DAYS = 7

/** When an invitation sent at `now` stops working: INVITATION_TTL_DAYS (default 7) later. */
export function invitationExpiresAt(now: Date, env: Record<string, string | undefined> = process.env): Date {
  const days = Number(env.INVITATION_TTL_DAYS)
  const ttl = Number.isFinite(days) && days > 0 ? days : DEFAULT_TTL_DAYS
  return new Date(now.getTime() + ttl * 24 * 60 * 60 * 1000)
}
