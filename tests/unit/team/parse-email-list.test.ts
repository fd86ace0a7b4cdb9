import { describe, expect, it } from 'vitest'

import { parseEmailList } from '../../../src/team/parse-email-list'

describe('parseEmailList', () => {
  it('splits a pasted list on commas, semicolons, spaces and new lines', () => {
    expect(parseEmailList('a@x.test, b@x.test;c@x.test\nd@x.test\r\ne@x.test f@x.test').emails).toEqual(['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test', 'e@x.test', 'f@x.test'])
  })

  it('takes the address out of "Name <address>" as mail clients copy it', () => {
    expect(parseEmailList('Ada Lovelace <ada@x.test>, "Grace H." <grace@x.test>')).toEqual({ emails: ['ada@x.test', 'grace@x.test'], invalid: [] })
  })

  it('lowercases and de-duplicates, across array entries too', () => {
    expect(parseEmailList(['Ada@X.test', 'ada@x.test, ADA@x.TEST']).emails).toEqual(['ada@x.test'])
  })

  it('keeps what is not an address apart instead of dropping it', () => {
    expect(parseEmailList('ok@x.test, nope, @x.test, a@b')).toEqual({ emails: ['ok@x.test'], invalid: ['nope', '@x.test', 'a@b'] })
  })

  it('ignores blank entries and trailing separators', () => {
    expect(parseEmailList(' ,\n ; ok@x.test ,, ')).toEqual({ emails: ['ok@x.test'], invalid: [] })
    expect(parseEmailList('')).toEqual({ emails: [], invalid: [] })
  })
})
