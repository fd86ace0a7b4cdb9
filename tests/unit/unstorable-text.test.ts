import { describe, expect, it } from 'vitest'

import { findUnstorableText } from '../../src/lib/api/unstorable-text'

describe('findUnstorableText', () => {
  it.each([
    [{ name: 'Ada\u0000' }, 'name'],
    [{ billingName: 'Acme \uD83D' }, 'billingName'],
    [{ address: { city: '\uDC00Berlin' } }, 'address.city'],
    [{ taxIds: [{ value: 'ok' }, { value: 'x\u0000' }] }, 'taxIds.1.value'],
    [{ ['key\u0000']: 'v' }, 'key\u0000'],
    ['\u0000', '_'],
  ])('finds %j at %s', (input, path) => {
    expect(findUnstorableText(input)).toBe(path)
  })

  it.each([{ name: 'Ada 😀 Lovelace' }, { name: 'مرحبا \u202e RTL' }, { n: 1, b: true, z: null }, []])('passes %j', (input) => {
    expect(findUnstorableText(input)).toBeNull()
  })
})
