import { describe, expect, it } from 'vitest'

import { pageNavigationHeaders } from '../../src/auth/page-navigation-headers'

const headers = (init: Record<string, string>) => new Headers({ cookie: 'payload-token=t', ...init })

describe('pageNavigationHeaders', () => {
  it('passes a cross-site top-level document navigation (back from Stripe) on as same-site', () => {
    const result = pageNavigationHeaders(headers({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }))
    expect(result.get('sec-fetch-site')).toBe('same-site')
    expect(result.get('cookie')).toBe('payload-token=t')
  })

  it.each([
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' }],
    ['a cross-site iframe', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' }],
    ['a request without fetch metadata', {}],
  ])('leaves %s alone, so the CSRF check still applies', (_, init) => {
    const incoming = headers(init)
    expect(pageNavigationHeaders(incoming)).toBe(incoming)
  })
})
