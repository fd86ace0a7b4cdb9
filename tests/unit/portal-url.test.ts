import { describe, expect, it } from 'vitest'

import { loopbackAliases } from '../../src/lib/portal-url'

describe('loopbackAliases', () => {
  it('gives the other loopback spellings of a localhost PORTAL_URL, port kept', () => {
    expect(loopbackAliases({ PORTAL_URL: 'http://localhost:3000' })).toEqual(['http://127.0.0.1:3000', 'http://[::1]:3000'])
    expect(loopbackAliases({ PORTAL_URL: 'http://127.0.0.1:4100/' })).toEqual(['http://localhost:4100', 'http://[::1]:4100'])
  })

  it('adds nothing without PORTAL_URL, where Payload accepts any origin', () => {
    expect(loopbackAliases({})).toEqual([])
  })

  it('adds nothing for a real host, so a deployment accepts only its own origin', () => {
    expect(loopbackAliases({ PORTAL_URL: 'https://portal.example.com' })).toEqual([])
    expect(loopbackAliases({ PORTAL_URL: 'https://localhost.example.com' })).toEqual([])
  })
})
