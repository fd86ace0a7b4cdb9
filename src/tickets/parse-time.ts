/**
 * Timestamps and durations as help desks export them. A value that is present but
 * unreadable is an error (the row is reported), not a silent null.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i

/**
 * Reads ISO 8601 and "YYYY-MM-DD HH:MM[:SS] [+ZZZZ|UTC]" (Zendesk, Freshdesk, Intercom),
 * Unix seconds or milliseconds, and anything else Date.parse accepts ("Jan 5, 2024 10:00 AM").
 * Times without a zone are taken as UTC: every duration is a difference of two
 * timestamps from the same export, so the zone cancels out.
 */
export function parseTimestamp(raw: string): Parsed<number | null> {
  const text = raw.trim()
  if (text === '') return { ok: true, value: null }
  const fast = parsePlainDateTime(text)
  if (fast !== null) return { ok: true, value: fast }
  const iso = ISO_LIKE.exec(text)
  if (iso) {
    const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone] = iso
    const millis = Math.round(Number(`0.${fraction}`) * 1000)
    const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis)
    if (Number.isNaN(utc) || Number(month) > 12 || Number(day) > 31) return { ok: false, error: `invalid date "${raw}"` }
    return { ok: true, value: utc - zoneOffsetMinutes(zone) * 60_000 }
  }
  if (/^\d{9,13}$/.test(text)) {
    const number = Number(text)
    return { ok: true, value: text.length <= 10 ? number * 1000 : number }
  }
  const parsed = Date.parse(text)
  return Number.isNaN(parsed) ? { ok: false, error: `unreadable date "${raw}"` } : { ok: true, value: parsed }
}

/**
 * "YYYY-MM-DD HH:MM:SS" (or with T, optionally Z): what most exports write, read without
 * a regex because every ticket has two of them. Null when the text is any other shape.
 */
function parsePlainDateTime(text: string): number | null {
  if (text.length !== 19 && !(text.length === 20 && text.charCodeAt(19) === 90)) return null
  const separator = text.charCodeAt(10)
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (separator !== 32 && separator !== 84) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null
  const month = digitsAt(text, 5, 7)
  const day = digitsAt(text, 8, 10)
  const time = Date.UTC(digitsAt(text, 0, 4), month - 1, day, digitsAt(text, 11, 13), digitsAt(text, 14, 16), digitsAt(text, 17, 19))
  return Number.isNaN(time) || month < 1 || month > 12 || day < 1 || day > 31 ? null : time
}

/** The decimal number in text[from..to), or NaN when a character is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return NaN
    value = value * 10 + digit
  }
  return value
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (zone === undefined || /^(z|utc|gmt)$/i.test(zone)) return 0
  const digits = zone.replace(':', '')
  const sign = digits.startsWith('-') ? -1 : 1
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)))
}

export type DurationUnit = 'seconds' | 'minutes' | 'hours'

const MINUTES_PER_UNIT: Record<DurationUnit, number> = { seconds: 1 / 60, minutes: 1, hours: 60 }

/** Reads "90", "1.5" (in `unit`) or "HH:MM[:SS]" (always clock time) as minutes. */
export function parseDurationMinutes(raw: string, unit: DurationUnit): Parsed<number | null> {
  const text = raw.trim()
  if (text === '') return { ok: true, value: null }
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text)
  if (clock) {
    const [, hours, minutes, seconds = '0'] = clock
    return { ok: true, value: Number(hours) * 60 + Number(minutes) + Number(seconds) / 60 }
  }
  const number = Number(text)
  if (!Number.isFinite(number) || number < 0) return { ok: false, error: `unreadable duration "${raw}"` }
  return { ok: true, value: number * MINUTES_PER_UNIT[unit] }
}

const DURATION_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 }

/**
 * `--since` accepts a look-back ("90d", "12w", "6m", "1y", relative to `now`) or a date.
 * Returns the earliest creation time kept, in epoch ms.
 */
export function parseSince(raw: string, now: number): Parsed<number> {
  const lookBack = /^(\d+)\s*([dwmy])$/i.exec(raw.trim())
  if (lookBack) return { ok: true, value: now - Number(lookBack[1]) * DURATION_DAYS[lookBack[2]!.toLowerCase()]! * 86_400_000 }
  const date = parseTimestamp(raw)
  if (!date.ok) return date
  if (date.value === null) return { ok: false, error: '--since is empty' }
  return { ok: true, value: date.value }
}
