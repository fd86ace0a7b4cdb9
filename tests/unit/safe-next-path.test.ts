import { describe, expect, it } from 'vitest'

import { safeNextPath, signInUrl } from '../../src/auth/safe-next-path'

describe('safeNextPath', () => {
  it.each([
    ['/account/team', '/account/team'],
    ['/account/billing?tab=tax#vat', '/account/billing?tab=tax#vat'],
    ['/account/../settings', '/settings'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected)
  })

  it.each([
    '//evil.example/account',
    '/\\evil.example',
    'https://evil.example/account',
    'javascript:alert(1)',
    '/\t/evil.example',
    // Dot segments that normalise to a protocol-relative URL (a probe found these after sign-in).
    '/.//evil.example',
    '/..//evil.example',
    '/%2e//evil.example',
    '/%2E//evil.example',
    '/%2e%2e//evil.example',
    '/a/..//evil.example',
    '/a/b/../..//evil.example/account',
    '/./\\evil.example',
    '\n//evil.example',
    'account',
    '',
    undefined,
    null,
  ])('refuses %j and falls back to /account', (input) => {
    expect(safeNextPath(input)).toBe('/account')
  })
})

describe('signInUrl', () => {
  it('carries the requested page in next=', () => {
    expect(signInUrl('/account/team', '/sign-in')).toBe('/sign-in?next=%2Faccount%2Fteam')
  })

  it('appends to a product sign-in URL that already has a query', () => {
    expect(signInUrl('/account', 'https://app.example/login?from=portal')).toBe('https://app.example/login?from=portal&next=%2Faccount')
  })

  it('never forwards an off-site next', () => {
    expect(signInUrl('//evil.example', '/sign-in')).toBe('/sign-in?next=%2Faccount')
  })
})
