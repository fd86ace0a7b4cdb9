const BASE = 'http://portico.invalid'

/** A path a browser resolves on this site: one leading slash, no backslash, no control character. */
const looksSameSite = (path: string): boolean =>
  path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') && !/[\u0000-\u001f\u007f]/.test(path)

/**
 * Where to send someone after sign-in. Only a path on this site is accepted: anything that could
 * leave the origin (`//evil`, `/\evil`, `https://evil`, `javascript:`) falls back to /account.
 * The check runs on the input and again on the normalised result: dot segments (`/.//evil`,
 * `/a/..//evil`, `/%2e//evil`) normalise to a protocol-relative `//evil`.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/account'): string {
  // Control characters can be stripped by browsers to turn `/\t/evil` into `//evil`.
  if (!next || !looksSameSite(next)) return fallback
  const url = new URL(next, BASE)
  if (url.origin !== BASE) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  return looksSameSite(path) && new URL(path, BASE).origin === BASE ? path : fallback
}

/** The sign-in URL (ours or the product's) with `next=` the page that was asked for. */
export function signInUrl(next: string, signInBase = process.env.AUTH_SIGN_IN_URL || '/sign-in'): string {
  const separator = signInBase.includes('?') ? '&' : '?'
  return `${signInBase}${separator}next=${encodeURIComponent(safeNextPath(next))}`
}
