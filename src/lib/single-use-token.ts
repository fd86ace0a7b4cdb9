import { createHash, randomBytes } from 'node:crypto'

/**
 * The hashed single-use tokens emailed as links (invitations, email change, password reset): 32
 * random bytes, base64url, handed out once; only the hash is ever stored.
 */
export const newSingleUseToken = (): string => randomBytes(32).toString('base64url')

/**
 * sha256 is enough here (no salt, no slow hash): the token is 256 random bits, so there is nothing
 * to brute-force, and an unsalted hash can be looked up directly.
 */
export const hashSingleUseToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Tokens we hand out are exactly 43 base64url characters; anything else is not worth a query. */
export const looksLikeSingleUseToken = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value)
