import { t } from '../i18n/t'
import { PortalError } from '../lib/api/portal-error'

const DAY_MS = 86_400_000
/** Further than this is "never" in disguise; a date past it is refused rather than stored. */
const LONGEST_DAYS = 3650

const refuse = (message: string) => new PortalError('invalid_request', t('api.error.invalid'), { expiresAt: message })

/**
 * The expiry a new key gets: the one asked for (null: never), refused when it is in the past or
 * beyond the organization's maximum lifetime (then "never" is refused too).
 */
export function resolveApiKeyExpiry(requested: string | null | undefined, maxLifetimeDays: number | null, now: Date): Date | null {
  const cap = new Date(now.getTime() + (maxLifetimeDays ?? LONGEST_DAYS) * DAY_MS)
  if (requested === null || requested === undefined) {
    if (maxLifetimeDays) throw refuse(t('api-keys.error.expiryRequired', { days: maxLifetimeDays }))
    return null
  }
  const expiresAt = new Date(requested)
  if (Number.isNaN(expiresAt.getTime())) throw refuse(t('api-keys.error.expiryInvalid'))
  if (expiresAt.getTime() <= now.getTime()) throw refuse(t('api-keys.error.expiryPast'))
  if (expiresAt.getTime() > cap.getTime()) throw refuse(t('api-keys.error.expiryTooFar', { days: maxLifetimeDays ?? LONGEST_DAYS }))
  return expiresAt
}

/** A rotated key lives as long as the one it replaces did, within today's cap. */
export function rotatedApiKeyExpiry(old: { createdAt: string; expiresAt?: string | null }, maxLifetimeDays: number | null, now: Date): Date | null {
  const cap = maxLifetimeDays ? now.getTime() + maxLifetimeDays * DAY_MS : Number.POSITIVE_INFINITY
  const lifetime = old.expiresAt ? new Date(old.expiresAt).getTime() - new Date(old.createdAt).getTime() : Number.POSITIVE_INFINITY
  const expiresAt = Math.min(cap, now.getTime() + lifetime)
  return Number.isFinite(expiresAt) ? new Date(expiresAt) : null
}
