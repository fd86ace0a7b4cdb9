import { describe, expect, it } from 'vitest'

import { baseUrl } from '../helpers/browser'

/** What `next start` sends on the pages people and staff open, signed in or not. */
describe('security headers on the production build', () => {
  it.each(['/sign-in', '/account', '/admin', '/api/health'])('%s: CSP with frame-ancestors none, no framing, no sniffing, a strict referrer', async (path) => {
    const response = await fetch(`${baseUrl()}${path}`, { redirect: 'manual' })
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("form-action 'self'")
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })
})
