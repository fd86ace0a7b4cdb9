/**
 * Payload's CSRF check ignores the session cookie on a cross-site request without an Origin
 * header. For API calls that is right; for a person clicking back from another site to a portal
 * page (Stripe's Customer Portal returning to /account/billing, a link in the product) it would
 * render the page signed out, although the browser sent the SameSite=Lax cookie precisely
 * because this is a top-level GET navigation, which changes nothing. Such a navigation is passed
 * on as same-site; every other request keeps its headers and the strict check.
 */
export function pageNavigationHeaders(incoming: Headers): Headers {
  const isCrossSiteDocumentNavigation =
    incoming.get('sec-fetch-site') === 'cross-site' && incoming.get('sec-fetch-mode') === 'navigate' && incoming.get('sec-fetch-dest') === 'document'
  if (!isCrossSiteDocumentNavigation) return incoming
  const headers = new Headers(incoming)
  headers.set('sec-fetch-site', 'same-site')
  return headers
}
