/** `/account/billing/`, ` account/billing` → `/account/billing`. */
export function normaliseRoutePattern(pattern: string): string {
  const trimmed = pattern.trim().split('?')[0] ?? ''
  const path = `/${trimmed.replace(/^\/+/, '')}`.replace(/\/+$/, '')
  return path || '/'
}

/**
 * How well a route pattern fits a path, or null when it doesn't: `*` stands for one path segment,
 * a trailing `**` for any rest (none included). Exact segments score more than wildcards, so
 * `/account/billing` beats `/account/*` beats `/account/**` for `/account/billing`.
 */
export function routePatternScore(pattern: string, path: string): number | null {
  const want = normaliseRoutePattern(pattern).split('/').filter(Boolean)
  const have = normaliseRoutePattern(path).split('/').filter(Boolean)
  let score = 0
  for (let index = 0; index < want.length; index += 1) {
    const segment = want[index]
    if (segment === '**' && index === want.length - 1) return score + 1
    const actual = have[index]
    if (actual === undefined) return null
    if (segment === '*') score += 2
    else if (segment === actual) score += 3
    else return null
  }
  return want.length === have.length ? score + 1 : null
}
