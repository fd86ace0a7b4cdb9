export type ApiKeyStatus = 'active' | 'revoked' | 'expired'

type Dates = { revokedAt?: string | null; expiresAt?: string | null }

/** Derived, never stored: revoked once `revokedAt` is set, expired once `expiresAt` has passed. */
export function apiKeyStatus(key: Dates, now: Date): ApiKeyStatus {
  if (key.revokedAt) return 'revoked'
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now.getTime()) return 'expired'
  return 'active'
}
