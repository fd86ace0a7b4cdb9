import { createHash, randomBytes } from 'node:crypto'

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000

export const newEmailChangeToken = (): string => randomBytes(32).toString('base64url')

/** Only the hash is stored: a database reader can't confirm someone else's address change. */
export const hashEmailChangeToken = (token: string): string => createHash('sha256').update(token).digest('hex')
