/**
 * Calendar arithmetic in an IANA time zone without a library: the zone's offset at an instant comes
 * from Intl, and a local midnight is found by correcting a UTC guess by the offset (twice, so a DST
 * change between the guess and the answer is taken into account).
 */
const offsetFormats = new Map<string, Intl.DateTimeFormat>()

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    offsetFormats.set(timeZone, format)
  }
  return format
}

// By zone and instant: the usage screen asks for the same midnights (today's, the month's) all day,
// and formatToParts is the costly part of every calendar step here.
const offsets = new Map<string, number>()

/** Minutes the zone is ahead of UTC at `instant` (Berlin in summer: 120; New York in winter: −300). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const key = `${timeZone} ${instant.getTime()}`
  let minutes = offsets.get(key)
  if (minutes === undefined) {
    if (offsets.size >= 10_000) offsets.clear()
    const name = offsetFormat(timeZone).formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
    minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0
    offsets.set(key, minutes)
  }
  return minutes
}

export type LocalDate = { year: number; month: number; day: number }

/** The calendar date at `instant` in the zone (month 1–12). */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000)
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() }
}

/** The instant local midnight begins on that date (days and months may overflow: day 0 is the previous month's last). */
export function zonedMidnight({ year, month, day }: LocalDate, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day)
  let instant = wall - offsetMinutes(new Date(wall), timeZone) * 60_000
  instant = wall - offsetMinutes(new Date(instant), timeZone) * 60_000
  return new Date(instant)
}

export const isoDate = ({ year, month, day }: LocalDate) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

/** "2026-03-08" → its parts; the caller has validated the format. */
export function parseIsoDate(text: string): LocalDate {
  const [year, month, day] = text.split('-').map(Number)
  return { year: year!, month: month!, day: day! }
}

// Remembered per zone and range: a year's check is ~400 Intl calls, and the usage screen asks the same ranges all day.
const wholeHourAnswers = new Map<string, boolean>()

/** Whether every offset the zone uses in [from, to) is a whole number of hours (checked daily: offsets last longer). */
export function hasWholeHourOffsets(timeZone: string, from: Date, to: Date): boolean {
  const key = `${timeZone} ${from.getTime()} ${to.getTime()}`
  let answer = wholeHourAnswers.get(key)
  if (answer === undefined) {
    if (wholeHourAnswers.size >= 1_000) wholeHourAnswers.clear()
    answer = checkWholeHourOffsets(timeZone, from, to)
    wholeHourAnswers.set(key, answer)
  }
  return answer
}

function checkWholeHourOffsets(timeZone: string, from: Date, to: Date): boolean {
  for (let at = from.getTime(); at < to.getTime() + 86_400_000; at += 86_400_000) {
    if (offsetMinutes(new Date(Math.min(at, to.getTime())), timeZone) % 60 !== 0) return false
  }
  return true
}
