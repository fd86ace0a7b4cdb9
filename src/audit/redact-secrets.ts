export const REDACTED = '[redacted]'

const SECRET_KEYS = new Set(['password', 'hash', 'salt', 'totp', 'recoverycodes', 'apikey', 'sessions', 'authorization', 'cookie'])
const SECRET_SUFFIXES = ['token', 'secret', 'password']

/** Keys compare without case, `_` or `-`, so `reset_password_token` and `resetPasswordToken` are one key. */
export function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[_-]/g, '')
  return SECRET_KEYS.has(normalized) || SECRET_SUFFIXES.some((suffix) => normalized.endsWith(suffix))
}

/** A copy of `value` with every secret-ish key's value replaced at any depth, so `before`/`after` can be shown to support. */
export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item)) as T
  if (value === null || typeof value !== 'object' || value instanceof Date) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, isSecretKey(key) ? REDACTED : redactSecrets(inner)]),
  ) as T
}
