import { describe, expect, it } from 'vitest'

import { decodeForm } from '../../../emulator/stripe/form-decode'

describe('decodeForm (Stripe’s bracketed form encoding)', () => {
  it('nests hashes and turns indexed keys into arrays in index order', () => {
    expect(decodeForm('a[b][0][c]=x&a[b][1][c]=y&name=Demo%20Co')).toEqual({ a: { b: [{ c: 'x' }, { c: 'y' }] }, name: 'Demo Co' })
    expect(decodeForm('items[1][price]=p2&items[0][price]=p1')).toEqual({ items: [{ price: 'p1' }, { price: 'p2' }] })
  })

  it('appends for empty brackets and keeps empty strings (Stripe’s "unset")', () => {
    expect(decodeForm('expand[]=customer&expand[]=latest_invoice&metadata[old]=')).toEqual({ expand: ['customer', 'latest_invoice'], metadata: { old: '' } })
  })

  it('keeps non-numeric keys as a hash', () => {
    expect(decodeForm('metadata[organizationId]=42&metadata[0x]=1')).toEqual({ metadata: { organizationId: '42', '0x': '1' } })
  })
})
