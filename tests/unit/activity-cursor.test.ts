import { describe, expect, it } from 'vitest'

import { decodeActivityCursor, encodeActivityCursor } from '../../src/audit/activity-cursor'

describe('activity cursor', () => {
  it('round-trips (createdAt, id)', () => {
    const cursor = { createdAt: '2026-11-27T10:00:00.123Z', id: 42 }
    expect(decodeActivityCursor(encodeActivityCursor(cursor))).toEqual(cursor)
  })

  it.each(['', 'garbage', Buffer.from('not-a-date|1').toString('base64url'), Buffer.from('2026-11-27T10:00:00Z|x').toString('base64url')])('rejects %j', (value) => {
    expect(decodeActivityCursor(value)).toBeNull()
  })
})
