import { describe, expect, it } from 'vitest'

import { encodeActivityCursor } from '../../src/audit/activity-cursor'
import { parseActivityQuery } from '../../src/audit/activity-query'

describe('the activity page reads its URL as the route reads its query', () => {
  it('keeps valid filters and decodes the cursor', () => {
    const cursor = encodeActivityCursor({ createdAt: '2026-11-27T10:00:00.000Z', id: 7 })
    expect(parseActivityQuery({ member: '12', type: 'member.invited', cursor })).toEqual({
      member: 12,
      type: 'member.invited',
      cursor: { createdAt: '2026-11-27T10:00:00.000Z', id: 7 },
    })
  })

  it('takes the first of a repeated key and drops only what is invalid', () => {
    expect(parseActivityQuery({ member: ['3', '4'], type: 'DROP TABLE', cursor: 'stale' })).toEqual({ member: 3, cursor: null })
    expect(parseActivityQuery({ member: '-1', type: 'account.created' })).toEqual({ type: 'account.created', cursor: null })
  })

  it('reads an empty URL as no filter, first page', () => {
    expect(parseActivityQuery({})).toEqual({ cursor: null })
  })
})
