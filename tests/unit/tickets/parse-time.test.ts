import { describe, expect, it } from 'vitest'
import { parseDurationMinutes, parseSince, parseTimestamp } from '../../../src/tickets/parse-time'

const value = <T>(parsed: { ok: true; value: T } | { ok: false; error: string }): T | string => (parsed.ok ? parsed.value : `error: ${parsed.error}`)

describe('parseTimestamp', () => {
  it.each([
    ['2024-05-02 09:14:11', Date.UTC(2024, 4, 2, 9, 14, 11)],
    ['2024-05-02T09:14:11Z', Date.UTC(2024, 4, 2, 9, 14, 11)],
    ['2024-05-02T09:14:11.250Z', Date.UTC(2024, 4, 2, 9, 14, 11, 250)],
    ['2024-05-02 09:14:11 +0200', Date.UTC(2024, 4, 2, 7, 14, 11)],
    ['2024-05-02T09:14:11-05:30', Date.UTC(2024, 4, 2, 14, 44, 11)],
    ['2024-05-02 09:14', Date.UTC(2024, 4, 2, 9, 14)],
    ['2024-05-02', Date.UTC(2024, 4, 2)],
    ['1714641251', 1714641251000],
    ['1714641251000', 1714641251000],
    ['', null],
  ])('reads %j', (text, expected) => {
    expect(value(parseTimestamp(text))).toBe(expected)
  })

  it('rejects present but unreadable dates', () => {
    expect(value(parseTimestamp('2024-13-02 10:00:00'))).toBe('error: invalid date "2024-13-02 10:00:00"')
    expect(value(parseTimestamp('next tuesday'))).toBe('error: unreadable date "next tuesday"')
  })
})

describe('parseDurationMinutes', () => {
  it('reads numbers in the given unit and clock times', () => {
    expect(value(parseDurationMinutes('90', 'seconds'))).toBe(1.5)
    expect(value(parseDurationMinutes('1.5', 'hours'))).toBe(90)
    expect(value(parseDurationMinutes('01:30', 'hours'))).toBe(90)
    expect(value(parseDurationMinutes('00:02:30', 'minutes'))).toBe(2.5)
    expect(value(parseDurationMinutes(' ', 'minutes'))).toBeNull()
    expect(value(parseDurationMinutes('-3', 'minutes'))).toBe('error: unreadable duration "-3"')
  })
})

describe('parseSince', () => {
  const now = Date.UTC(2024, 6, 1)
  it('accepts a look-back or a date', () => {
    expect(value(parseSince('90d', now))).toBe(now - 90 * 86_400_000)
    expect(value(parseSince('2w', now))).toBe(now - 14 * 86_400_000)
    expect(value(parseSince('1y', now))).toBe(now - 365 * 86_400_000)
    expect(value(parseSince('2024-04-01', now))).toBe(Date.UTC(2024, 3, 1))
    expect(value(parseSince('soon', now))).toBe('error: unreadable date "soon"')
  })
})
