/**
 * Where to send someone after sign-in. Only a path on this site is accepted: anything that could
 * leave the origin (`//evil`, `/\evil`, `https://evil`, `javascript:`) falls back to /account.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback
  // Control characters can be stripped by browsers to turn `/\t/evil` into `//evil`.
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback
  const base = 'http://portico.invalid'
  const url = new URL(next, base)
  if (url.origin !== base) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

/** The sign-in URL (ours or the product's) with `next=` the page that was asked for. */
export function signInUrl(next: string, signInBase = process.env.AUTH_SIGN_IN_URL || '/sign-in'): string {
  const separator = signInBase.includes('?') ? '&' : '?'
  return `${signInBase}${separator}next=${encodeURIComponent(safeNextPath(next))}`
}
