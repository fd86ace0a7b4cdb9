/** The portal's public origin, for links in emails (PORTAL_URL; the dev server otherwise). */
export const portalUrl = (path = '', env: Record<string, string | undefined> = process.env): string => `${(env.PORTAL_URL || 'http://localhost:3000').replace(/\/$/, '')}${path}`

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

/**
 * The other spellings of a loopback PORTAL_URL (127.0.0.1 and [::1] for localhost, and so on), for
 * Payload's CSRF list: opening the demo at http://127.0.0.1:3000 would otherwise drop the session
 * cookie on every write. Empty for any other host, so a deployment's list stays its own origin, and
 * without PORTAL_URL, where Payload's list is empty (any origin) and must stay so.
 */
export function loopbackAliases(env: Record<string, string | undefined> = process.env): string[] {
  if (!env.PORTAL_URL) return []
  const url = new URL(portalUrl('', env))
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return []
  return LOOPBACK_HOSTS.filter((host) => host !== url.hostname).map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`)
}
