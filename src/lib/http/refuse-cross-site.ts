import { loopbackAliases } from '../portal-url'

/** The origins a form on this site posts from: the request's own, PORTAL_URL's behind a proxy, and a loopback PORTAL_URL's other spellings. */
function ownOrigins(request: Request): string[] {
  const origins = [new URL(request.url).origin, ...loopbackAliases()]
  if (process.env.PORTAL_URL) origins.push(new URL(process.env.PORTAL_URL).origin)
  return origins
}

/**
 * A 403 for a form POST another site made the browser send (login CSRF: signing a victim into
 * the attacker's account; or switching, accepting, signing out on their behalf). Browsers say so in
 * Sec-Fetch-Site; older ones name the other origin in Origin; a client that sends neither is not a
 * browser carrying someone's cookies. Null when the request may go on.
 */
export function refuseCrossSite(request: Request): Response | null {
  const site = request.headers.get('sec-fetch-site')
  const origin = request.headers.get('origin')
  // Sec-Fetch-Site is the browser's own verdict and wins when sent: a page with
  // `referrer: no-referrer` (the invitation page) posts with `Origin: null` from this very site.
  const crossSite = site !== null ? site !== 'same-origin' && site !== 'none' : origin !== null && !ownOrigins(request).includes(origin)
  return crossSite ? new Response('This form can only be sent from this site.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }) : null
}
