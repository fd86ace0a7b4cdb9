/** NUL (PostgreSQL text refuses it) or a UTF-16 surrogate without its pair (not encodable as UTF-8). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const UNSTORABLE_TEXT_MESSAGE = 'Contains a character that can’t be stored (a NUL byte or a broken emoji). Remove it and try again.'

/**
 * The path (`a.b.0`) of the first string in `value`, key or value, that PostgreSQL can't store,
 * or null. Checked before anything is written, Stripe included: such text fails the database only
 * after Stripe has already taken it.
 */
export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path.join('.') || '_' : null
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(index)])
      if (found) return found
    }
    return null
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return [...path, key].join('.')
      const found = findUnstorableText(inner, [...path, key])
      if (found) return found
    }
  }
  return null
}
