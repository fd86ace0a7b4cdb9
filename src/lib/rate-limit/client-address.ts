/**
 * The client's address for rate limits. `next start` sets X-Forwarded-For from the socket when the
 * request has none; each proxy in front appends the address it saw. TRUSTED_PROXY_HOPS (default 0)
 * says how many of the rightmost entries are our own proxies, so the entry before them is the
 * client as our outermost proxy saw it — an address the client cannot choose.
 */
export const UNKNOWN_CLIENT = 'unknown'

export function clientAddress(headers: Headers | undefined, env: Record<string, string | undefined> = process.env): string {
  const hops = Math.max(0, Number(env.TRUSTED_PROXY_HOPS) || 0)
  const chain = (headers?.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)
  return chain[chain.length - 1 - hops] ?? chain[0] ?? headers?.get('x-real-ip') ?? UNKNOWN_CLIENT
}
